import type { Agenda } from "agenda";
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { defineJobs } from "../jobs/index.js";
import { createAgenda } from "../jobs/runtime/agenda.js";
import { agendaQueue } from "../jobs/runtime/queue.js";
import { createBot } from "./bot/create-bot.js";
import { startPolling, startWebhook, type UpdateSource } from "./bot/runtime.js";
import type { Config } from "./config.js";
import { connectDatabase, disconnectDatabase } from "./db/connection.js";
import { resolveMongoEngine, type MongoEngine } from "./db/engine.js";
import { createI18n } from "./i18n/i18n.js";
import type { Logger } from "./logger.js";
import { Outbound } from "./outbound/outbound.js";
import { systemClock, type Clock } from "./shared/clock.js";
import { createBackgroundApi } from "./telegram/api.js";
import { setDefaultMenus } from "./telegram/command-menus.js";
import type { BotContext } from "./telegram/context.js";
import { markBlocked } from "./users/users.js";

export interface AppOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  botInfo?: UserFromGetMe;
}

export interface App {
  bot?: Bot<BotContext>;
  agenda: Agenda;
  outbound: Outbound;
  updates?: UpdateSource;
  engine: MongoEngine;
  /** Graceful: stop taking updates, let handlers and jobs finish, close the database. */
  stop(): Promise<void>;
}

/**
 * The composition root: starts what PROCESS_ROLE asks for on one database,
 * the bot (`bot`), the Agenda worker (`worker`), or both (`all`, the laptop
 * setup). Both share one outbound path for messages sent outside an update.
 */
export async function startApp(opts: AppOptions): Promise<App> {
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const engine = await resolveMongoEngine({
    mongodbUri: config.MONGODB_URI,
    dataDir: config.DATA_DIR,
    log: (line) => logger.info(line),
  });
  const connection = await connectDatabase(engine.uri, config.MONGODB_DB);
  const agenda = createAgenda(connection.db!, config.JOBS_PROCESS_EVERY_MS);
  await agenda.ready;
  const jobs = agendaQueue(agenda);
  const backgroundApi = createBackgroundApi(config, config.OUTBOUND_MAX_WAIT_SECONDS);
  const outbound = new Outbound({ api: backgroundApi, logger, clock, jobs, onBlocked: markBlocked });

  const runsBot = config.PROCESS_ROLE !== "worker";
  const runsWorker = config.PROCESS_ROLE !== "bot";

  let bot: Bot<BotContext> | undefined;
  let updates: UpdateSource | undefined;
  if (runsWorker) {
    const i18n = createI18n({ defaultLanguage: config.DEFAULT_LANGUAGE, languageOf: () => undefined });
    await defineJobs(agenda, { config, logger, clock, api: backgroundApi, outbound, jobs, i18n });
    await agenda.start();
    logger.info("job worker started");
  }
  if (runsBot) {
    const created = createBot({ config, logger, clock, jobs, outbound, db: connection.db!, botInfo: opts.botInfo });
    bot = created.bot;
    // The "/" menus are cosmetic: a Bot API that refuses them must not keep the bot from serving.
    await setDefaultMenus(bot.api, config.DEFAULT_LANGUAGE, created.deps.i18n).catch((err: unknown) =>
      logger.warn({ err }, "could not set the default command menus; continuing"),
    );
    const source = config.BOT_MODE === "webhook" ? await startWebhook(bot, config, logger) : await startPolling(bot, logger);
    const { inFlight } = created;
    updates = {
      ...source,
      stop: async () => {
        await source.stop();
        if (!(await inFlight.drain(config.SHUTDOWN_TIMEOUT_MS))) logger.warn({ running: inFlight.size }, "handlers still running at shutdown");
      },
    };
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info("shutting down");
      await updates?.stop();
      // drain() waits for running jobs instead of unlocking them mid-way.
      if (runsWorker) await agenda.drain(config.SHUTDOWN_TIMEOUT_MS);
      else await agenda.stop();
      await disconnectDatabase();
      await engine.stop();
      logger.info("stopped");
    })());

  return { bot, agenda, outbound, updates, engine, stop };
}

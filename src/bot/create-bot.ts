import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { MongoDBAdapter, type ISession } from "@grammyjs/storage-mongodb";
import { Bot, Composer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Db } from "mongodb";
import type { Config } from "../config.js";
import { createI18n } from "../i18n/i18n.js";
import type { Logger } from "../logger.js";
import type { Outbound } from "../outbound/outbound.js";
import type { JobQueue } from "../queue/job-queue.js";
import type { Clock } from "../shared/clock.js";
import { configureApi } from "../telegram/api.js";
import type { BotContext, BotDeps, SceneContext } from "../telegram/context.js";
import { cancelHandlers } from "./core/cancel.js";
import { chatStatusHandlers } from "./core/chat-status.js";
import { fallbackHandlers } from "./core/fallback.js";
import { helpHandlers } from "./core/help.js";
import { languageHandlers } from "./core/language.js";
import type { BotFeature } from "./feature.js";
import { FEATURES } from "./features/index.js";
import { dedupeUpdates } from "./middleware/dedupe-updates.js";
import { handleBotError } from "./middleware/error-boundary.js";
import { loadIdentity } from "./middleware/identity.js";
import { InFlightUpdates } from "./middleware/in-flight.js";

export const CONVERSATIONS_COLLECTION = "conversations";

export interface CreateBotOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  jobs: JobQueue;
  outbound: Outbound;
  db: Db;
  /** Known bot info skips the getMe call at start (tests, webhook instances). */
  botInfo?: UserFromGetMe;
  features?: readonly BotFeature[];
}

/**
 * Assembles the bot: the same instance serves long polling and webhooks.
 * Order matters: one update at a time per chat, drop duplicates, know the
 * sender, pick the language, then conversations, then /start links, then the
 * features' commands and buttons, then a hint for anything left.
 */
export function createBot(opts: CreateBotOptions): { bot: Bot<BotContext>; deps: BotDeps; inFlight: InFlightUpdates } {
  const { config, logger } = opts;
  const features = opts.features ?? FEATURES;
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    client: { apiRoot: config.TELEGRAM_API_ROOT },
    botInfo: opts.botInfo,
  });
  configureApi(bot.api, { kind: "interactive" });

  const i18n = createI18n<BotContext>({
    defaultLanguage: config.DEFAULT_LANGUAGE,
    languageOf: (ctx) => ctx.identity?.language,
  });
  const deps: BotDeps = { config, logger, clock: opts.clock, i18n, jobs: opts.jobs, outbound: opts.outbound };

  const inFlight = new InFlightUpdates();
  bot.use(inFlight.middleware);
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  const guarded = bot.errorBoundary(handleBotError(deps));
  // Webhooks claim each update id in the database (a slow answer is re-posted, maybe to another
  // instance); long polling needs no write per update (see the middleware).
  guarded.use(dedupeUpdates(logger, config.BOT_MODE === "webhook" ? "database" : "memory"));
  guarded.use(loadIdentity(config.DEFAULT_LANGUAGE));
  guarded.use(i18n);
  guarded.use(chatStatusHandlers(deps)); // before conversations, which would swallow it as an answer
  guarded.use(
    conversations<BotContext, SceneContext>({
      storage: {
        type: "key",
        version: 2, // bump when a conversation's steps change incompatibly (2: questions bound to their buttons)
        adapter: new MongoDBAdapter({ collection: opts.db.collection<ISession>(CONVERSATIONS_COLLECTION) }),
        getStorageKey: (ctx) => ctx.chatId?.toString(),
      },
      onExit: async (_id, ctx) => {
        if (ctx.exitReason === "cancel") return;
        // A command typed during a step ends the conversation and runs: nothing to announce.
        if (ctx.message?.text?.startsWith("/")) return;
        // Otherwise only the time-out halts a conversation.
        ctx.conversationTimedOut = true;
        await ctx.reply(ctx.t("scene-timed-out"));
      },
    }),
  );
  guarded.use(cancelHandlers());

  const timeout = { maxMillisecondsToWait: config.CONVERSATION_TIMEOUT_SECONDS * 1000 };
  for (const feature of features) {
    for (const scene of feature.scenes ?? []) guarded.use(createConversation(scene.build(deps), { id: scene.id, ...timeout }));
  }

  guarded.use(deepLinks(features, deps));
  guarded.use(helpHandlers());
  guarded.use(languageHandlers(deps));
  for (const feature of features) guarded.use(feature.handlers(deps));
  guarded.use(fallbackHandlers());
  return { bot, deps, inFlight };
}

/** `/start <payload>`: handed to the feature that owns the payload's prefix; an unknown link says so. */
function deepLinks(features: readonly BotFeature[], deps: BotDeps): Composer<BotContext> {
  const links = features.flatMap((f) => f.deepLinks ?? []);
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx, next) => {
    const payload = ctx.match.trim();
    if (!payload) return next();
    const link = links.find((l) => payload.startsWith(l.prefix));
    if (!link || !/^[A-Za-z0-9_-]{1,64}$/.test(payload)) return void (await ctx.reply(ctx.t("start-unknown-link")));
    await link.handle(ctx, payload, deps);
  });
  return composer;
}

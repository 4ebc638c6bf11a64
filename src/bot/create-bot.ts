import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { MongoDBAdapter, type ISession } from "@grammyjs/storage-mongodb";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Db } from "mongodb";
import { BONUS_SETTING, bonusSettingScene } from "../../scenes/bonus/plan-setting.js";
import { EDIT_CLIENT, editClientScene, MARK_LOST, markLostScene } from "../../scenes/clients/edit-client.js";
import { EDIT_DEAL, editDealScene } from "../../scenes/clients/edit-deal.js";
import { LOG_CONTACT, logContactScene } from "../../scenes/clients/log-contact.js";
import { LOG_DEAL, logDealScene } from "../../scenes/clients/log-deal.js";
import { NEW_CLIENT, newClientScene } from "../../scenes/clients/new-client.js";
import { ROTATION_REPORT, rotationReportScene } from "../../scenes/rotation/report.js";
import { ROTATION_SETTING, rotationSettingScene } from "../../scenes/rotation/setting.js";
import { CREATE_TEAM, createTeamScene } from "../../scenes/teams/create-team.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Clock } from "../shared/clock.js";
import type { JobQueue } from "../../jobs/queue.js";
import { installRetry } from "./api.js";
import type { BotContext, BotDeps, SceneContext } from "./context.js";
import { bonusFeature } from "./features/bonus.js";
import { cancelFeature } from "./features/cancel.js";
import { chatStatusFeature } from "./features/chat-status.js";
import { clientsFeature } from "./features/clients.js";
import { dealsFeature } from "./features/deals.js";
import { followUpsFeature } from "./features/follow-ups.js";
import { rotationFeature } from "./features/rotation.js";
import { fallbackFeature } from "./features/fallback.js";
import { importExportFeature } from "./features/import-export.js";
import { helpFeature } from "./features/help.js";
import { inviteFeature } from "./features/invite.js";
import { languageFeature } from "./features/language.js";
import { startFeature } from "./features/start.js";
import { teamFeature } from "./features/team.js";
import { dedupeUpdates } from "./middleware/dedupe-updates.js";
import { InFlightUpdates } from "./middleware/in-flight.js";
import { handleBotError } from "./middleware/error-boundary.js";
import { loadIdentity } from "./middleware/identity.js";
import { createI18n } from "../i18n/i18n.js";

export const CONVERSATIONS_COLLECTION = "conversations";

export interface CreateBotOptions {
  config: Config;
  logger: Logger;
  clock: Clock;
  jobs: JobQueue;
  db: Db;
  /** Known bot info skips the getMe call at start (tests, webhook instances). */
  botInfo?: UserFromGetMe;
}

/**
 * Assembles the bot: the same instance serves long polling and webhooks.
 * Order matters: one update at a time per chat, drop duplicates, know the
 * sender, pick the language, then conversations, then plain commands.
 */
export function createBot(opts: CreateBotOptions): { bot: Bot<BotContext>; deps: BotDeps; inFlight: InFlightUpdates } {
  const { config, logger } = opts;
  const bot = new Bot<BotContext>(config.BOT_TOKEN, {
    client: { apiRoot: config.TELEGRAM_API_ROOT },
    botInfo: opts.botInfo,
  });
  installRetry(bot.api);

  const i18n = createI18n<BotContext>({
    defaultLanguage: config.DEFAULT_LANGUAGE,
    languageOf: (ctx) => ctx.identity?.language,
  });
  const deps: BotDeps = { config, logger, clock: opts.clock, i18n, jobs: opts.jobs, api: bot.api };

  const inFlight = new InFlightUpdates();
  bot.use(inFlight.middleware);
  bot.use(sequentialize((ctx) => ctx.chatId?.toString()));
  const guarded = bot.errorBoundary(handleBotError(deps));
  guarded.use(dedupeUpdates(logger));
  guarded.use(loadIdentity(config.DEFAULT_LANGUAGE));
  guarded.use(i18n);
  guarded.use(chatStatusFeature(deps)); // before conversations, which would swallow it as an answer
  guarded.use(
    conversations<BotContext, SceneContext>({
      storage: {
        type: "key",
        version: 1, // bump when a conversation's steps change incompatibly
        adapter: new MongoDBAdapter({ collection: opts.db.collection<ISession>(CONVERSATIONS_COLLECTION) }),
        getStorageKey: (ctx) => ctx.chatId?.toString(),
      },
      onExit: async (_id, ctx) => {
        if (ctx.exitReason === "cancel") return;
        // Only the time-out halts a conversation without /cancel.
        ctx.conversationTimedOut = true;
        await ctx.reply(ctx.t("scene-timed-out"));
      },
    }),
  );
  guarded.use(cancelFeature());

  const timeout = { maxMillisecondsToWait: config.CONVERSATION_TIMEOUT_SECONDS * 1000 };
  guarded.use(createConversation(createTeamScene(deps), { id: CREATE_TEAM, ...timeout }));
  guarded.use(createConversation(newClientScene(deps), { id: NEW_CLIENT, ...timeout }));
  guarded.use(createConversation(logContactScene(deps), { id: LOG_CONTACT, ...timeout }));
  guarded.use(createConversation(logDealScene(deps), { id: LOG_DEAL, ...timeout }));
  guarded.use(createConversation(editClientScene(deps), { id: EDIT_CLIENT, ...timeout }));
  guarded.use(createConversation(markLostScene(deps), { id: MARK_LOST, ...timeout }));
  guarded.use(createConversation(rotationReportScene(deps), { id: ROTATION_REPORT, ...timeout }));
  guarded.use(createConversation(rotationSettingScene(deps), { id: ROTATION_SETTING, ...timeout }));
  guarded.use(createConversation(editDealScene(deps), { id: EDIT_DEAL, ...timeout }));
  guarded.use(createConversation(bonusSettingScene(deps), { id: BONUS_SETTING, ...timeout }));

  guarded.use(startFeature(deps));
  guarded.use(helpFeature());
  guarded.use(languageFeature(deps));
  guarded.use(inviteFeature(deps));
  guarded.use(teamFeature(deps));
  guarded.use(clientsFeature(deps));
  guarded.use(followUpsFeature(deps));
  guarded.use(rotationFeature(deps));
  guarded.use(dealsFeature(deps));
  guarded.use(bonusFeature(deps));
  guarded.use(importExportFeature(deps));
  guarded.use(fallbackFeature());
  return { bot, deps, inFlight };
}

import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import type { Api, Context } from "grammy";
import type { Config, Language } from "../config.js";
import type { I18nFlavor } from "../i18n/i18n.js";
import type { Logger } from "../logger.js";
import type { Clock } from "../shared/clock.js";
import type { Membership } from "../teams/teams.js";
import type { UserDoc } from "../users/user.model.js";
import type { JobQueue } from "../../jobs/queue.js";

/** Who sent the update, loaded once per update by the identity middleware. */
export interface Identity {
  user: UserDoc;
  /** Null for people outside any team (newcomers, the teams' customers). */
  membership: Membership | null;
  language: Language;
}

export type BaseContext = Context &
  I18nFlavor & {
    identity: Identity;
    /** Set by /cancel before leaving a conversation, so the exit hook can tell cancel from time-out. */
    exitReason?: "cancel";
    /** Set when a conversation timed out on this update, so the fallback stays quiet. */
    conversationTimedOut?: boolean;
  };

export type BotContext = ConversationFlavor<BaseContext>;

/** Inside conversations only plain contexts exist; texts come from a Translate bound at entry. */
export type SceneContext = Context;
export type SceneConversation = Conversation<BotContext, SceneContext>;

/** What every part of the bot process may use. */
export interface BotDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  i18n: I18n<BotContext>;
  jobs: JobQueue;
  api: Api;
}

import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import type { Config, Language } from "../config.js";
import type { I18nFlavor } from "../i18n/i18n.js";
import type { Logger } from "../logger.js";
import type { Outbound } from "../outbound/outbound.js";
import type { JobQueue } from "../queue/job-queue.js";
import type { Clock } from "../shared/clock.js";
import type { Membership } from "../teams/teams.js";
import type { UserDoc } from "../users/user.model.js";

/**
 * The context types of Baton's bot, shared by handlers (src/bot), guided
 * conversations (scenes/) and views. No runtime code lives here.
 */

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

/** What handlers and conversations may use. Messages to anyone but the sender leave through `outbound`. */
export interface BotDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  i18n: I18n<BotContext>;
  jobs: JobQueue;
  outbound: Outbound;
}

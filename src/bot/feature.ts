import type { Composer } from "grammy";
import type { Scene } from "../../scenes/define.js";
import type { BotContext, BotDeps } from "../telegram/context.js";

/**
 * One feature's Telegram side, as the bot assembles it. A feature lives in
 * five places, all named after it:
 *
 *   src/<feature>/                 domain: models, rules, use cases (no Telegram)
 *   src/telegram/<feature>/        views (texts, keyboards) and callback codecs
 *   src/bot/features/<feature>/    handlers; its index.ts is the feature's entry point
 *   scenes/<feature>/              guided conversations
 *   jobs/<feature>/                background jobs (wired in jobs/index.ts)
 *   locales/<lang>/<feature>.ftl   texts in en, ru, hi
 */
export interface BotFeature {
  name: string;
  /** Guided conversations this feature owns; registered before any handler so they get their answers. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- scenes with different argument lists
  scenes?: Scene<any>[];
  /** `/start <payload>` links this feature answers (e.g. invites: `inv-…`), by payload prefix. */
  deepLinks?: DeepLink[];
  /** Commands, buttons and messages. */
  handlers(deps: BotDeps): Composer<BotContext>;
}

export interface DeepLink {
  /** The payload starts with this (payloads are at most 64 characters of A-Za-z0-9_-). */
  prefix: string;
  handle(ctx: BotContext, payload: string, deps: BotDeps): Promise<void>;
}

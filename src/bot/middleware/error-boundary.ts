import { BotError, type Context } from "grammy";
import type { Language } from "../../config.js";
import { pickLanguage } from "../../i18n/i18n.js";
import type { Logger } from "../../logger.js";
import { isBlockedError } from "../../outbound/errors.js";
import { markBlocked } from "../../users/users.js";
import type { BotContext, BotDeps } from "../../telegram/context.js";

/**
 * The one place a failing handler ends up. The error is logged with the
 * update id; the user gets a short apology in their language; nothing is
 * rethrown, so polling and webhook instances keep serving everyone else.
 */
export function handleBotError(deps: Pick<BotDeps, "logger" | "i18n" | "config">) {
  return async (error: BotError<Context>): Promise<void> => {
    const ctx = error.ctx as Partial<BotContext> & Context;
    const log: Logger = deps.logger.child({ updateId: ctx.update.update_id });
    if (isBlockedError(error.error) && ctx.from) {
      log.info({ userId: ctx.from.id }, "user blocked the bot while we answered");
      await markBlocked(ctx.from.id, new Date()).catch(() => undefined);
      return;
    }
    log.error({ err: error.error }, "update handler failed");
    const language: Language =
      ctx.identity?.language ?? pickLanguage(ctx.from?.language_code, deps.config.DEFAULT_LANGUAGE);
    try {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
      if (ctx.chat) await ctx.reply(deps.i18n.t(language, "error-generic"));
    } catch (replyError) {
      log.warn({ err: replyError }, "could not send the apology");
    }
  };
}

import { GrammyError, type Api } from "grammy";
import type { Logger } from "../logger.js";
import { markBlocked } from "../users/users.js";

type SendOptions = Parameters<Api["sendMessage"]>[2];

/** Telegram's answer when the user blocked the bot or deleted their account. */
export function isBlockedError(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 403;
}

/** The chat is gone or was never opened: no retry will help. */
function isUnreachableChat(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /chat not found|user not found/i.test(err.description);
}

export { markBlocked };

/**
 * LEGACY (being replaced by src/outbound): sends a message outside an update (jobs, notices to colleagues). A 403 marks
 * the user blocked and returns false instead of failing the whole job, and so
 * does a chat that does not exist (one recipient must not stop the others);
 * 429 and 5xx were already retried by auto-retry installed on the Api.
 */
export async function deliver(
  api: Api,
  logger: Logger,
  telegramId: number,
  text: string,
  options?: SendOptions,
): Promise<boolean> {
  try {
    await api.sendMessage(telegramId, text, options);
    return true;
  } catch (err) {
    if (isUnreachableChat(err)) {
      logger.warn({ telegramId }, "recipient's chat not found; message dropped");
      return false;
    }
    if (!isBlockedError(err)) throw err;
    logger.info({ telegramId }, "recipient blocked the bot; marked blocked");
    await markBlocked(telegramId, new Date());
    return false;
  }
}

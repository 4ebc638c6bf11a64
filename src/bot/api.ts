import { autoRetry } from "@grammyjs/auto-retry";
import { Api, type Transformer } from "grammy";
import type { Config } from "../config.js";

/**
 * Every outgoing Bot API call goes through auto-retry: a 429 waits the
 * `retry_after` Telegram asks for, 5xx and network errors are retried with
 * backoff, all up to a bound so a stuck call cannot hold a handler forever.
 */
export function installRetry(api: Api): Api {
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowInternalServerErrors: false }));
  api.config.use(toleratingLateCallbackAnswers);
  return api;
}

/**
 * A button press answered late (the bot was restarting, the update waited in
 * the queue) gets 400 "query is too old". Only the little loading spinner on
 * the user's button is affected; the press itself is still handled, so this
 * one answer is not a reason to fail the handler.
 */
const toleratingLateCallbackAnswers: Transformer = async (prev, method, payload, signal) => {
  const response = await prev(method, payload, signal);
  if (
    method === "answerCallbackQuery" &&
    !response.ok &&
    response.error_code === 400 &&
    /query is too old|query ID is invalid/.test(response.description)
  ) {
    return { ok: true, result: true as never };
  }
  return response;
};

/** An Api for processes that send but do not receive (Agenda workers). */
export function createApi(config: Pick<Config, "BOT_TOKEN" | "TELEGRAM_API_ROOT">): Api {
  return installRetry(new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }));
}

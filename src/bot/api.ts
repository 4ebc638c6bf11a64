import { autoRetry } from "@grammyjs/auto-retry";
import { Api } from "grammy";
import type { Config } from "../config.js";

/**
 * Every outgoing Bot API call goes through auto-retry: a 429 waits the
 * `retry_after` Telegram asks for, 5xx and network errors are retried with
 * backoff, all up to a bound so a stuck call cannot hold a handler forever.
 */
export function installRetry(api: Api): Api {
  api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 120, rethrowInternalServerErrors: false }));
  return api;
}

/** An Api for processes that send but do not receive (Agenda workers). */
export function createApi(config: Pick<Config, "BOT_TOKEN" | "TELEGRAM_API_ROOT">): Api {
  return installRetry(new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }));
}

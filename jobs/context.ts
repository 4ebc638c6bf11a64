import type { Api } from "grammy";
import type { Config, Language } from "../src/config.js";
import type { TranslationVars } from "../src/i18n/i18n.js";
import type { Logger } from "../src/logger.js";
import type { Clock } from "../src/shared/clock.js";

/** What a job handler may use. Jobs talk to Telegram through the same Api (with auto-retry) as the bot. */
export interface JobDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  api: Api;
  i18n: { t(language: Language, key: string, vars?: TranslationVars): string };
}

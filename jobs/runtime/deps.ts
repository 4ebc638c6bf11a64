import type { Api } from "grammy";
import type { Config, Language } from "../../src/config.js";
import type { TranslationVars } from "../../src/i18n/i18n.js";
import type { Logger } from "../../src/logger.js";
import type { Outbound } from "../../src/outbound/outbound.js";
import type { JobQueue } from "../../src/queue/job-queue.js";
import type { Clock } from "../../src/shared/clock.js";

/** What a job handler may use. Messages leave through `outbound`; `api` is for reading (file downloads). */
export interface JobDeps {
  config: Config;
  logger: Logger;
  clock: Clock;
  api: Api;
  outbound: Outbound;
  jobs: JobQueue;
  i18n: { t(language: Language, key: string, vars?: TranslationVars): string };
}

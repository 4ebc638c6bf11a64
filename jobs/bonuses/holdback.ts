import { closeHoldbackNotice, holdbackNotice } from "../../src/bonuses/holdback.js";
import { holdbackNoticeView } from "../../src/telegram/bonuses/views.js";
import { languageOfUser } from "../../src/users/users.js";
import { defineJob, type JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";

/**
 * `bonus.holdback-notice`: tells one manager what one holdback sweep released
 * or forfeited for them, and why. Keyed `bonus.holdback:<sweep>:<manager>`:
 * at least once (a 429, 5xx or network error leaves it pending and the job
 * retries it, sending only the parts not yet delivered), never twice.
 */
export function holdbackNoticeJob(deps: JobDeps): JobDefinition<"bonus.holdback-notice"> {
  return defineJob({
    name: "bonus.holdback-notice",
    retry: { delayMs: 30_000, maxRetries: 8 },
    async run({ data, log }) {
      const notice = await holdbackNotice(data.sweepId, data.managerId);
      if (notice) {
        const language = await languageOfUser(notice.telegramId, notice.teamLanguage);
        const t = (k: string, v?: Record<string, string | number | Date>) => deps.i18n.t(language, k, v);
        const view = holdbackNoticeView(t, notice.lines, notice.clientNames, { currency: notice.currency, timezone: notice.timezone, language });
        const outcome = await deps.outbound.send({
          key: `bonus.holdback:${data.sweepId}:${data.managerId}`,
          chatId: notice.telegramId,
          teamId: notice.teamId,
          kind: "bonus.holdback",
          message: { text: view.text },
        });
        log.debug({ outcome }, "holdback notice");
      }
      await closeHoldbackNotice(data.sweepId, data.managerId);
    },
    // The lines are decided either way; the delivery record keeps what happened to the message.
    onGiveUp: (data) => closeHoldbackNotice(data.sweepId, data.managerId),
  });
}

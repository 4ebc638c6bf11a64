import type { Language } from "../../src/config.js";
import type { Translate } from "../../src/i18n/i18n.js";
import type { OutboundRequest } from "../../src/outbound/outbound.js";
import { runFailedKey } from "../../src/rotation/run-ids.js";
import { runFailureAudience, runRotation, type RunMessages } from "../../src/rotation/run-team.js";
import { noticeView, runFailedView, summaryView } from "../../src/telegram/rotation/messages.js";
import { defineJob, type JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";

/**
 * `rotation.run`: one rotation run of one team (nightly, manual, or a
 * deactivated manager's handover). The use case plans once, applies and says
 * who must be told; the notices and the summary go through the outbound path
 * under keys naming run and recipient, so a retry (a 429, a crash, a second
 * worker) sends only what has not arrived yet, and nothing twice.
 *
 * The lock is short and renewed while the run works: a worker killed mid-run
 * leaves the job to another worker within about a minute.
 */
export function rotationRunJob(deps: JobDeps): JobDefinition<"rotation.run"> {
  const translate =
    (language: Language): Translate =>
    (key, vars) =>
      deps.i18n.t(language, key, vars);

  return defineJob({
    name: "rotation.run",
    lockLifetimeMs: 60_000,
    // Every step is safe to repeat; a long Telegram outage is waited out.
    retry: { delayMs: 30_000, maxRetries: 8 },
    async run({ data, log }) {
      const messages = await runRotation({ ...data, now: deps.clock.now() });
      if (!messages) return void log.warn({ teamId: data.teamId }, "rotation run of a team that no longer exists");
      await deps.outbound.sendAll(requests(messages, translate));
      log.info({ runId: data.runId, moved: messages.outcome.moved, skipped: messages.outcome.skipped }, "rotation run done");
    },
    async onGiveUp(data) {
      const audience = await runFailureAudience(data);
      if (!audience) return;
      for (const r of audience.recipients) {
        await deps.outbound.sendSoon({
          key: runFailedKey(data.runId, r.telegramId),
          chatId: r.telegramId,
          teamId: audience.teamId,
          kind: "rotation.failed",
          message: runFailedView(translate(r.language), data.kind),
        });
      }
    },
  });
}

function* requests(m: RunMessages, translate: (language: Language) => Translate): Generator<OutboundRequest> {
  for (const n of m.notices) {
    const view = noticeView(translate(n.language), n.notice, m.run.reportDueAt, m.timezone);
    yield { key: n.key, chatId: n.telegramId, teamId: m.teamId, kind: "rotation.notice", message: { text: view.text, keyboard: view.keyboard } };
  }
  for (const s of m.summaries) {
    const view = summaryView(translate(s.language), m.run, m.outcome, m.timezone);
    yield { key: s.key, chatId: s.telegramId, teamId: m.teamId, kind: "rotation.summary", message: { text: view.text } };
  }
}

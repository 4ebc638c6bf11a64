import { backoffStrategies, type Agenda } from "agenda";
import { Types } from "mongoose";
import { renderNotice, renderSummary } from "../src/telegram/rotation/views.js";
import { releaseClientsToPool } from "../src/clients/ownership.js";
import { deliver } from "../src/notify/deliver.js";
import { claimNotice, claimSummary, runOutcome } from "../src/rotation/notices.js";
import { applyRun, planDeactivationRun, planTeamRun } from "../src/rotation/run-rotation.js";
import { RotationRun, type RotationRunDoc } from "../src/rotation/rotation-run.model.js";
import { Member } from "../src/teams/member.model.js";
import { Team, type TeamDoc } from "../src/teams/team.model.js";
import { languagesOf } from "../src/users/users.js";
import type { JobDeps } from "./runtime/deps.js";

export const ROTATION_RUN_JOB = "rotation.run";

export interface RotationRunJobData extends Record<string, unknown> {
  teamId: string;
  runId: string;
  kind: "nightly" | "manual" | "deactivation";
  /** Deactivation runs: the manager whose clients are handed on. */
  memberId?: string;
  /** Telegram id of the director who asked (manual runs, deactivation): gets the summary. */
  requestedBy?: number | null;
}

/**
 * One rotation run of one team: plan (once; stored), apply (batched,
 * conditional, repeatable), then one notice per manager and the director's
 * summary, each claimed before sending. A worker killed at any point can run
 * the same job again and finish it without moving anything twice.
 */
export function defineRotationRun(agenda: Agenda, deps: JobDeps): void {
  agenda.define<RotationRunJobData>(
    ROTATION_RUN_JOB,
    async (job) => {
      const data = job.attrs.data;
      const team = await Team.findById(data.teamId).lean();
      if (!team) return;
      const now = deps.clock.now();
      const run =
        data.kind === "deactivation"
          ? await planDeactivationRun({ team, runId: data.runId, memberId: new Types.ObjectId(data.memberId), now, requestedBy: data.requestedBy ?? null })
          : await planTeamRun({ team, runId: data.runId, kind: data.kind, now, requestedBy: data.requestedBy ?? null });
      if (!run.appliedAt) await applyRun(run, team);
      // A leaving manager's clients that nobody on the team could take (or that changed meanwhile) go to the pool.
      if (data.kind === "deactivation") await releaseClientsToPool(team._id, new Types.ObjectId(data.memberId), run.plannedAt, run._id);
      const applied = await RotationRun.findById(run._id).lean();
      if (applied) await notify(deps, team, applied);
    },
    // A failed run (database hiccup, Telegram down) is retried; every step is safe to repeat.
    { lockLifetime: 30 * 60 * 1000, backoff: backoffStrategies.exponential({ delay: 30_000, maxRetries: 5 }) },
  );
}

async function notify(deps: JobDeps, team: TeamDoc, run: RotationRunDoc): Promise<void> {
  const outcome = await runOutcome(run);
  const directors = await Member.find({ teamId: team._id, role: "director", active: true }, { telegramId: 1 }).lean();
  const summaryTo = run.requestedBy ? [run.requestedBy] : directors.map((d) => d.telegramId);
  const recipients = [...outcome.notices.map((n) => n.telegramId), ...summaryTo];
  const languages = await languagesOf(recipients, team.language);

  for (const notice of outcome.notices) {
    if (!(await claimNotice(run._id, notice.memberId))) continue;
    const language = languages.get(notice.telegramId) ?? team.language;
    const { text, keyboard } = renderNotice((k, v) => deps.i18n.t(language, k, v), notice, run.reportDueAt, team.timezone);
    await deliver(deps.api, deps.logger, notice.telegramId, text, { reply_markup: keyboard });
  }

  // Nightly runs that moved nothing stay quiet; asked-for runs always answer.
  if (run.kind === "nightly" && outcome.moved === 0 && outcome.skipped === 0) return;
  if (!(await claimSummary(run._id, deps.clock.now()))) return;
  for (const telegramId of summaryTo) {
    const language = languages.get(telegramId)!;
    await deliver(deps.api, deps.logger, telegramId, renderSummary((k, v) => deps.i18n.t(language, k, v), run, outcome, team.timezone, outcome.names));
  }
}

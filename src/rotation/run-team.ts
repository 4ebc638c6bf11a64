import { Types } from "mongoose";
import { releaseClientsToPool } from "../clients/ownership.js";
import type { Language } from "../config.js";
import { Member } from "../teams/member.model.js";
import { Team } from "../teams/team.model.js";
import { languagesOf } from "../users/users.js";
import { runOutcome, type MemberNotice, type RunOutcome } from "./notices.js";
import { RotationRun, type RotationRunDoc, type RunKind } from "./rotation-run.model.js";
import { noticeKey, summaryKey } from "./run-ids.js";

export type { RunKind };
import { applyRun, planDeactivationRun, planTeamRun } from "./run-rotation.js";

export interface RunRequest {
  teamId: string;
  runId: string;
  kind: RunKind;
  /** Deactivation runs: the manager whose clients are handed on. */
  memberId?: string;
  /** Telegram id of the director who asked (manual runs, deactivation): gets the summary. */
  requestedBy?: number | null;
  /** Manual runs: the preview's seed, so the run makes the plan shown. */
  seed?: string;
  now: Date;
}

/** One message a run sends: who gets it, in which language, under which key. */
export interface RunRecipient {
  key: string;
  telegramId: number;
  language: Language;
}

export interface RunMessages {
  teamId: Types.ObjectId;
  timezone: string;
  run: RotationRunDoc;
  outcome: RunOutcome;
  /** One notice per active manager who received or gave clients. */
  notices: (RunRecipient & { notice: MemberNotice })[];
  /** The director(s) told how the run went; empty for a nightly run that moved nothing. */
  summaries: RunRecipient[];
}

/**
 * One rotation run of one team (the `rotation.run` job): plan (once; stored
 * under the run id), apply (batched, conditional, repeatable), hand what a
 * leaving manager still holds to the pool, and say who must be told what.
 * A worker killed at any point runs it again and finishes it without moving
 * anything twice; the messages have keys, so they go out once each.
 */
export async function runRotation(request: RunRequest): Promise<RunMessages | null> {
  const team = await Team.findById(request.teamId).lean();
  if (!team) return null;
  const requestedBy = request.requestedBy ?? null;
  let run: RotationRunDoc;
  if (request.kind === "deactivation") {
    if (!request.memberId) throw new Error(`deactivation run ${request.runId} without the member`);
    const memberId = new Types.ObjectId(request.memberId);
    run = await planDeactivationRun({ team, runId: request.runId, memberId, now: request.now, requestedBy });
    if (!run.appliedAt) await applyRun(run, team);
    // What nobody on the team could take (or what changed meanwhile) goes to the free pool.
    await releaseClientsToPool(team._id, memberId, run.plannedAt, run._id);
  } else {
    run = await planTeamRun({ team, runId: request.runId, kind: request.kind, now: request.now, requestedBy, ...(request.seed ? { seed: request.seed } : {}) });
    if (!run.appliedAt) await applyRun(run, team);
  }
  const applied = (await RotationRun.findById(run._id).lean()) ?? run;
  const outcome = await runOutcome(applied);

  // Nightly runs that moved nothing stay quiet; asked-for runs always answer.
  const quiet = applied.kind === "nightly" && outcome.moved === 0 && outcome.skipped === 0;
  const summaryTo = quiet ? [] : applied.requestedBy ? [applied.requestedBy] : await activeDirectors(team._id);
  const languages = await languagesOf([...outcome.notices.map((n) => n.telegramId), ...summaryTo], team.language);
  const languageOf = (telegramId: number) => languages.get(telegramId) ?? team.language;
  return {
    teamId: team._id,
    timezone: team.timezone,
    run: applied,
    outcome,
    notices: outcome.notices.map((notice) => ({
      key: noticeKey(applied._id, notice.memberId),
      telegramId: notice.telegramId,
      language: languageOf(notice.telegramId),
      notice,
    })),
    summaries: summaryTo.map((telegramId) => ({ key: summaryKey(applied._id, telegramId), telegramId, language: languageOf(telegramId) })),
  };
}

async function activeDirectors(teamId: Types.ObjectId): Promise<number[]> {
  const directors = await Member.find({ teamId, role: "director", active: true }, { telegramId: 1 }).lean();
  return directors.map((d) => d.telegramId);
}

/**
 * Who hears that a run could not be finished (the job gave up): the director
 * who asked, else the team's active directors; with the team's timezone.
 */
export async function runFailureAudience(request: { teamId: string; requestedBy?: number | null }): Promise<{
  teamId: Types.ObjectId;
  timezone: string;
  recipients: { telegramId: number; language: Language }[];
} | null> {
  if (!Types.ObjectId.isValid(request.teamId)) return null;
  const team = await Team.findById(request.teamId, { timezone: 1, language: 1 }).lean();
  if (!team) return null;
  const ids = request.requestedBy ? [request.requestedBy] : await activeDirectors(team._id);
  const languages = await languagesOf(ids, team.language);
  return { teamId: team._id, timezone: team.timezone, recipients: ids.map((telegramId) => ({ telegramId, language: languages.get(telegramId) ?? team.language })) };
}

import { randomBytes } from "node:crypto";
import type { Types } from "mongoose";
import { Client } from "../clients/client.model.js";
import type { JobQueue } from "../queue/job-queue.js";
import { fail, ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../teams/actor.js";
import type { ClockTeam } from "../teams/clock.js";
import { Member } from "../teams/member.model.js";
import { Team } from "../teams/team.model.js";
import { RotationPreview, type RotationPreviewDoc } from "./preview.model.js";
import { RotationRun } from "./rotation-run.model.js";
import { manualRunId } from "./run-ids.js";
import { previewRotation } from "./run-rotation.js";
import { nextNightlyRun, nightlyRunDue } from "./schedule.js";
import { namedTallies, type NamedTally } from "./tally.js";
import type { PlannedMove, PlanNote } from "./types.js";

/**
 * How runs start: the team clock starts tonight's run; a director previews
 * the next run and may run it now from that preview (and only from one).
 */

/** A preview's "Run now" button works for this long. */
export const PREVIEW_TTL_MS = 60 * 60 * 1000;
/** Moves named in a preview (the view shows what fits; the count says how many there are). */
export const PREVIEW_MOVES = 20;

/** The clock's share: tonight's run once its hour has passed, published once (the run id is the key). */
export async function startNightlyRun(input: { team: ClockTeam; now: Date; jobs: JobQueue }): Promise<string | null> {
  const due = nightlyRunDue(input.team, input.now);
  if (!due) return null;
  // One read per team and tick instead of a job insert: most ticks find tonight's run planned already.
  if (await RotationRun.exists({ _id: due.runId })) return null;
  await input.jobs.enqueue("rotation.run", { teamId: String(input.team._id), runId: due.runId, kind: "nightly" });
  return due.runId;
}

export interface PreviewMove {
  clientName: string;
  /** null: from the free pool. */
  fromName: string | null;
  toName: string;
  reason: PlannedMove["reason"];
}

export interface RunPreview {
  /** What "Run now" carries; null when nothing would move (no button). */
  token: string | null;
  runAt: Date;
  timezone: string;
  moveCount: number;
  /** The first PREVIEW_MOVES moves, named. */
  moves: PreviewMove[];
  /** Managers who give or receive: uneven ones first, then by name. */
  tallies: NamedTally[];
  /** Remarks for the director (internal ones left out). */
  notes: PlanNote[];
  /** Member id → name, for the notes. */
  names: ReadonlyMap<string, string>;
}

/**
 * What the next nightly run would do if nothing changes: the same plan it will
 * make (same run id, same tie-breaks). Stores nothing of the plan; stores the
 * preview's token, which "Run now" must bring back.
 */
export async function previewNextRun(input: { actor: ActorRef; now: Date }): Promise<Result<RunPreview, ActorRefusal>> {
  const checked = await checkActor(input.actor, ["director"]);
  if (!checked.ok) return checked;
  const team = await Team.findById(checked.value.teamId).lean();
  if (!team) return fail("not-a-member");
  const next = nextNightlyRun(team, input.now);
  const plan = await previewRotation(team, next.runId, input.now);

  const shown = plan.moves.slice(0, PREVIEW_MOVES);
  const [clients, members] = await Promise.all([
    Client.find({ teamId: team._id, _id: { $in: shown.map((m) => m.clientId) } }, { name: 1 }).lean(),
    Member.find({ teamId: team._id }, { name: 1 }).lean(),
  ]);
  const clientName = new Map(clients.map((c) => [String(c._id), c.name]));
  const names = new Map(members.map((m) => [String(m._id), m.name]));
  const nameOf = (id: string) => names.get(id) ?? "?";

  let token: string | null = null;
  if (plan.moves.length > 0) {
    token = randomBytes(9).toString("base64url");
    await RotationPreview.create({
      _id: token,
      teamId: team._id,
      memberId: checked.value._id,
      seed: next.runId,
      createdAt: input.now,
      expiresAt: new Date(input.now.getTime() + PREVIEW_TTL_MS),
      storedAt: new Date(),
    } satisfies RotationPreviewDoc);
  }
  return ok({
    token,
    runAt: next.at,
    timezone: team.timezone,
    moveCount: plan.moves.length,
    moves: shown.map((m) => ({
      clientName: clientName.get(m.clientId) ?? "?",
      fromName: m.fromId === null ? null : nameOf(m.fromId),
      toName: nameOf(m.toId),
      reason: m.reason,
    })),
    tallies: namedTallies(plan.perManager, nameOf),
    notes: plan.notes.filter((n) => n.code !== "duplicate-ids"),
    names,
  });
}

/** The preview behind a "Run now" button, if it was shown to this team and has not expired. */
export async function findPreview(input: { actor: ActorRef; token: string; now: Date }): Promise<Result<RotationPreviewDoc, ActorRefusal | "expired">> {
  const checked = await checkActor(input.actor, ["director"]);
  if (!checked.ok) return checked;
  return livePreview(checked.value.teamId, input.token, input.now);
}

async function livePreview(teamId: Types.ObjectId, token: string, now: Date): Promise<Result<RotationPreviewDoc, "expired">> {
  const preview = await RotationPreview.findOne({ _id: token, teamId }).lean();
  return preview && preview.expiresAt > now ? ok(preview) : fail("expired");
}

/**
 * "Run now", confirmed: starts a manual run, but only from a preview shown to
 * a director of this team (an unknown, foreign or expired token is refused).
 * The run id derives from the token, so a double tap starts one run.
 */
export async function requestManualRun(input: {
  actor: ActorRef;
  token: string;
  /** Telegram id of the director: gets the summary. */
  requestedBy: number;
  now: Date;
  jobs: JobQueue;
}): Promise<Result<{ runId: string }, ActorRefusal | "expired">> {
  const checked = await checkActor(input.actor, ["director"]);
  if (!checked.ok) return checked;
  const teamId = checked.value.teamId;
  const preview = await livePreview(teamId, input.token, input.now);
  if (!preview.ok) return preview;
  const runId = manualRunId(teamId, preview.value._id);
  await input.jobs.enqueue("rotation.run", {
    teamId: String(teamId),
    runId,
    kind: "manual",
    requestedBy: input.requestedBy,
    seed: preview.value.seed,
  });
  return ok({ runId });
}

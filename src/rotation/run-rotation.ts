import { Types } from "mongoose";
import { ClientEvent } from "../clients/client-event.model.js";
import { Client, type ClientDoc } from "../clients/client.model.js";
import { derivedObjectId } from "../shared/derived-id.js";
import { Member } from "../teams/member.model.js";
import type { TeamDoc } from "../teams/team.model.js";
import { reportDeadlines } from "./deadlines.js";
import { plannerRules, storedRotationDueAt, toPlannerClient } from "./from-documents.js";
import { planDeactivation, planRotation } from "./planner.js";
import { RotationRun, type RotationRunDoc, type RunKind, type StoredMove } from "./rotation-run.model.js";
import { Rotation } from "./rotation.model.js";
import type { PlannerManager, RotationPlan } from "./types.js";

/**
 * Rotation against the database: load the team, plan with the pure planner,
 * store the plan as the run, apply it in batches of conditional updates.
 * Every step can be repeated: the run id fixes the plan, a moved client no
 * longer matches its move's filter, and history entries have derived ids.
 */

export const APPLY_BATCH = 1000;

type PlanningClient = Pick<ClientDoc, "_id" | "ownerId" | "assignedAt" | "lastDealAt" | "dealCount" | "status" | "pinned" | "keyAccount" | "ownership">;
const PLANNING_FIELDS = { ownerId: 1, assignedAt: 1, lastDealAt: 1, dealCount: 1, status: 1, pinned: 1, keyAccount: 1, "ownership.ownerId": 1 } as const;

async function loadManagers(teamId: Types.ObjectId): Promise<PlannerManager[]> {
  const members = await Member.find({ teamId, role: "manager" }, { level: 1, active: 1 }).lean();
  return members.map((m) => ({ id: String(m._id), level: m.level, active: m.active }));
}

/** Turns the planner's answer into the stored run (moved clients' due dates computed from the run's time). */
function storedMoves(plan: RotationPlan, clients: ReadonlyMap<string, PlanningClient>, team: TeamDoc, at: Date): StoredMove[] {
  return plan.moves.map((m) => {
    const client = clients.get(m.clientId)!;
    const toId = new Types.ObjectId(m.toId);
    return {
      clientId: client._id,
      fromId: client.ownerId,
      toId,
      reason: m.reason,
      expectDealCount: client.dealCount,
      rotationDueAt: storedRotationDueAt({ ...client, ownerId: toId, assignedAt: at }, team.settings.rotation),
    };
  });
}

async function saveRun(doc: RotationRunDoc): Promise<RotationRunDoc> {
  // Two workers planning the same run: the first insert wins and both go on with it.
  await RotationRun.updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true });
  return (await RotationRun.findById(doc._id).lean())!;
}

function runDocument(team: TeamDoc, runId: string, kind: RunKind, at: Date, plan: RotationPlan, moves: StoredMove[], requestedBy: number | null): RotationRunDoc {
  return {
    _id: runId,
    teamId: team._id,
    kind,
    plannedAt: at,
    reportDueAt: reportDeadlines(at, team.settings.rotation.reportDays, team.timezone).dueAt,
    moves,
    perManager: plan.perManager,
    unplacedCount: plan.unplaced.length,
    notes: plan.notes,
    appliedAt: null,
    skipped: [],
    requestedBy,
  };
}

/** What the next run would do, without storing anything (the director's preview). */
export async function previewRotation(team: TeamDoc, runId: string, now: Date): Promise<RotationPlan> {
  const clients = await Client.find({ teamId: team._id }, PLANNING_FIELDS).lean<PlanningClient[]>();
  return planRotation({ runId, now, clients: clients.map(toPlannerClient), managers: await loadManagers(team._id), rules: plannerRules(team.settings.rotation) });
}

/**
 * Plans the run once (or returns the stored plan). `seed` (default: the run
 * id) seeds the tie-breaks: a manual run uses its preview's, so it makes the
 * plan the director saw.
 */
export async function planTeamRun(opts: {
  team: TeamDoc;
  runId: string;
  kind: "nightly" | "manual";
  now: Date;
  requestedBy?: number | null;
  seed?: string;
}): Promise<RotationRunDoc> {
  const existing = await RotationRun.findById(opts.runId).lean();
  if (existing) return existing;
  const clients = await Client.find({ teamId: opts.team._id }, PLANNING_FIELDS).lean<PlanningClient[]>();
  const plan = planRotation({
    runId: opts.seed ?? opts.runId,
    now: opts.now,
    clients: clients.map(toPlannerClient),
    managers: await loadManagers(opts.team._id),
    rules: plannerRules(opts.team.settings.rotation),
  });
  const moves = storedMoves(plan, new Map(clients.map((c) => [String(c._id), c])), opts.team, opts.now);
  return saveRun(runDocument(opts.team, opts.runId, opts.kind, opts.now, plan, moves, opts.requestedBy ?? null));
}

/** Plans handing a deactivated manager's clients to colleagues of the same level. */
export async function planDeactivationRun(opts: { team: TeamDoc; runId: string; memberId: Types.ObjectId; now: Date; requestedBy: number | null }): Promise<RotationRunDoc> {
  const existing = await RotationRun.findById(opts.runId).lean();
  if (existing) return existing;
  const clients = await Client.find({ teamId: opts.team._id, ownerId: opts.memberId }, PLANNING_FIELDS).lean<PlanningClient[]>();
  const loads = await Client.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: { teamId: opts.team._id, status: "active", ownerId: { $ne: null } } },
    { $group: { _id: "$ownerId", n: { $sum: 1 } } },
  ]);
  const plan = planDeactivation({
    runId: opts.runId,
    leavingManagerId: String(opts.memberId),
    clients: clients.map(toPlannerClient),
    managers: await loadManagers(opts.team._id),
    currentLoad: Object.fromEntries(loads.map((l) => [String(l._id), l.n])),
  });
  const moves = storedMoves(plan, new Map(clients.map((c) => [String(c._id), c])), opts.team, opts.now);
  return saveRun(runDocument(opts.team, opts.runId, "deactivation", opts.now, plan, moves, opts.requestedBy));
}

/**
 * Applies a stored run. Each move is one conditional update (the client must
 * still be active, with the same owner and deal count as when planned);
 * moved clients get a handover record and a history entry. Batched: a few
 * round trips per thousand clients.
 */
export async function applyRun(run: RotationRunDoc, team: TeamDoc): Promise<{ moved: number; skipped: number }> {
  const deadlines = reportDeadlines(run.plannedAt, team.settings.rotation.reportDays, team.timezone);
  const skipped: Types.ObjectId[] = [];
  let moved = 0;
  for (let i = 0; i < run.moves.length; i += APPLY_BATCH) {
    const batch = run.moves.slice(i, i + APPLY_BATCH);
    await Client.bulkWrite(
      batch.map((m) => ({
        updateOne: {
          filter: { _id: m.clientId, teamId: run.teamId, ownerId: m.fromId, status: "active", dealCount: m.expectDealCount },
          update: {
            $set: { ownerId: m.toId, assignedAt: run.plannedAt, rotationDueAt: m.rotationDueAt, lastRotationRunId: run._id },
            $push: { ownership: { ownerId: m.toId, fromId: m.fromId, reason: m.reason, at: run.plannedAt } },
          },
        },
      })),
      { ordered: false },
    );
    // Which of the batch this run has moved (now or in an earlier, interrupted attempt). Filtered
    // here rather than in the query so the lookup stays a pure _id lookup on every engine.
    const states = await Client.find({ _id: { $in: batch.map((m) => m.clientId) } }, { lastRotationRunId: 1 }).lean();
    const done = new Set(states.filter((c) => c.lastRotationRunId === run._id).map((c) => String(c._id)));
    const applied = batch.filter((m) => done.has(String(m.clientId)));
    skipped.push(...batch.filter((m) => !done.has(String(m.clientId))).map((m) => m.clientId));
    moved += applied.length;
    if (applied.length === 0) continue;
    await Rotation.bulkWrite(
      applied.map((m) => ({
        updateOne: {
          filter: { _id: `${run._id}:${m.clientId}` },
          update: {
            $setOnInsert: {
              teamId: run.teamId,
              runId: run._id,
              clientId: m.clientId,
              fromId: m.fromId,
              toId: m.toId,
              reason: m.reason,
              at: run.plannedAt,
              ...deadlines,
              report: null,
            },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    await ClientEvent.bulkWrite(
      applied.map((m) => ({
        updateOne: {
          filter: { _id: derivedObjectId(run._id, String(m.clientId)) },
          update: {
            $setOnInsert: {
              teamId: run.teamId,
              clientId: m.clientId,
              kind: "owner",
              at: run.plannedAt,
              actorId: null,
              data: { fromId: m.fromId, toId: m.toId, reason: m.reason },
            },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
  }
  await RotationRun.updateOne({ _id: run._id, appliedAt: null }, { $set: { appliedAt: new Date(), skipped } });
  return { moved, skipped: skipped.length };
}

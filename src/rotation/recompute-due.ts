import { Types } from "mongoose";
import { Client, type ClientDoc } from "../clients/client.model.js";
import { Team } from "../teams/team.model.js";
import type { RotationSettings } from "../teams/team-settings.js";
import { plannerRules, storedRotationDueAt } from "./from-documents.js";

const BATCH = 1000;
/** Passes over the team when its rules keep changing while we work; each pass uses the rules it read. */
const MAX_PASSES = 5;
/** Attempts per client whose data changed under us (a deal, a handover) between reading and writing. */
const MAX_ATTEMPTS = 3;

const FIELDS = { teamId: 1, ownerId: 1, assignedAt: 1, lastDealAt: 1, dealCount: 1, status: 1, pinned: 1, keyAccount: 1, rotationDueAt: 1 } as const;
type DueClient = Pick<ClientDoc, "_id" | "teamId" | "ownerId" | "assignedAt" | "lastDealAt" | "dealCount" | "status" | "pinned" | "keyAccount" | "rotationDueAt">;

/**
 * After the rules change, every client's stored "rotates on" date follows
 * (`rotation.recompute-due`). Safe to run twice and on two workers at once:
 *
 * - each write is conditional on the client data the date was computed from,
 *   so a deal or a handover written meanwhile is never overwritten with a
 *   date computed from older data (that client is read again);
 * - a pass ends by reading the rules again: if they changed while it ran (a
 *   second edit, whose own job may already be done), it runs again, so the
 *   last pass to finish always used the newest rules.
 */
export async function recomputeRotationDue(teamId: Types.ObjectId | string): Promise<{ changed: number; passes: number } | null> {
  const id = new Types.ObjectId(String(teamId));
  let changed = 0;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    const team = await Team.findById(id, { settings: 1 }).lean();
    if (!team) return null;
    const rules = team.settings.rotation;
    changed += await recomputePass(id, rules);
    const after = await Team.findById(id, { settings: 1 }).lean();
    if (!after || sameRules(after.settings.rotation, rules) || pass === MAX_PASSES) return { changed, passes: pass };
  }
  return { changed, passes: MAX_PASSES };
}

function sameRules(a: RotationSettings, b: RotationSettings): boolean {
  return JSON.stringify(plannerRules(a)) === JSON.stringify(plannerRules(b));
}

async function recomputePass(teamId: Types.ObjectId, rules: RotationSettings): Promise<number> {
  let changed = 0;
  let batch: DueClient[] = [];
  const flush = async () => {
    if (batch.length) changed += await writeDueDates(batch, rules);
    batch = [];
  };
  for await (const client of Client.find({ teamId }, FIELDS).lean<DueClient[]>().cursor({ batchSize: BATCH })) {
    if (storedRotationDueAt(client, rules).getTime() !== client.rotationDueAt?.getTime()) batch.push(client);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return changed;
}

/** Writes the new dates of clients whose data is still what they were computed from; re-reads the others. */
async function writeDueDates(clients: DueClient[], rules: RotationSettings): Promise<number> {
  let changed = 0;
  let pending = clients;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && pending.length > 0; attempt++) {
    const result = await Client.bulkWrite(
      pending.map((c) => ({
        updateOne: {
          filter: {
            _id: c._id,
            teamId: c.teamId,
            ownerId: c.ownerId ?? null,
            assignedAt: c.assignedAt,
            lastDealAt: c.lastDealAt ?? null,
            dealCount: c.dealCount,
            status: c.status,
            pinned: c.pinned,
          },
          update: { $set: { rotationDueAt: storedRotationDueAt(c, rules) } },
        },
      })),
      { ordered: false },
    );
    changed += result.modifiedCount;
    if (result.matchedCount === pending.length) break;
    // Some clients changed between the read and the write: read them again and recompute.
    const fresh = await Client.find({ _id: { $in: pending.map((c) => c._id) } }, FIELDS).lean<DueClient[]>();
    pending = fresh.filter((c) => storedRotationDueAt(c, rules).getTime() !== c.rotationDueAt?.getTime());
  }
  return changed;
}

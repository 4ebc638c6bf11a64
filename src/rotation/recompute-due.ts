import { Client } from "../clients/client.model.js";
import type { TeamDoc } from "../teams/team.model.js";
import { storedRotationDueAt } from "./from-documents.js";

const BATCH = 1000;

/** After the rules change, every client's stored "rotates on" date is recomputed, in batches. */
export async function recomputeRotationDue(team: TeamDoc): Promise<number> {
  let changed = 0;
  let batch: { updateOne: { filter: object; update: object } }[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    changed += (await Client.bulkWrite(batch, { ordered: false })).modifiedCount;
    batch = [];
  };
  const cursor = Client.find(
    { teamId: team._id },
    { ownerId: 1, assignedAt: 1, lastDealAt: 1, dealCount: 1, status: 1, pinned: 1, keyAccount: 1, ownership: 1, rotationDueAt: 1 },
  )
    .lean()
    .cursor({ batchSize: BATCH });
  for await (const client of cursor) {
    const due = storedRotationDueAt(client, team.settings.rotation);
    if (due.getTime() !== client.rotationDueAt?.getTime()) batch.push({ updateOne: { filter: { _id: client._id }, update: { $set: { rotationDueAt: due } } } });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return changed;
}

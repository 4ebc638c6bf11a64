import type { Types } from "mongoose";
import { derivedObjectId } from "../shared/derived-id.js";
import { NEVER_ROTATES } from "../rotation/from-documents.js";
import { ClientEvent } from "./client-event.model.js";
import { Client } from "./client.model.js";

/**
 * Moves every active client a manager still holds into the team's free pool
 * (when nobody can take them over), with a history entry each. Repeating it
 * is harmless: moved clients no longer match, entries have derived ids.
 * `key` names the occasion (e.g. the deactivation run) for those ids.
 */
export async function releaseClientsToPool(teamId: Types.ObjectId, ownerId: Types.ObjectId, now: Date, key: string): Promise<number> {
  const held = await Client.find({ teamId, ownerId, status: "active" }, { _id: 1 }).lean();
  if (held.length === 0) return 0;
  const ids = held.map((c) => c._id);
  const result = await Client.updateMany(
    { _id: { $in: ids }, ownerId },
    {
      // In the pool nothing rotates until a director hands the client out again.
      $set: { ownerId: null, assignedAt: now, rotationDueAt: NEVER_ROTATES },
      $push: { ownership: { ownerId: null, fromId: ownerId, reason: "manager-deactivated", at: now } },
    },
  );
  await ClientEvent.bulkWrite(
    ids.map((id) => ({
      updateOne: {
        filter: { _id: derivedObjectId(key, String(id)) },
        update: {
          $setOnInsert: { teamId, clientId: id, kind: "owner", at: now, actorId: null, data: { fromId: ownerId, toId: null, reason: "manager-deactivated" } },
        },
        upsert: true,
      },
    })),
    { ordered: false },
  );
  return result.modifiedCount;
}

import type { Types } from "mongoose";
import { Client } from "./client.model.js";

/**
 * Moves every active client a manager holds into the team's free pool.
 * Repeating it is harmless: the filter no longer matches clients already moved.
 * Returns how many clients moved this time.
 */
export async function releaseClientsToPool(teamId: Types.ObjectId, ownerId: Types.ObjectId, now: Date): Promise<number> {
  const result = await Client.updateMany(
    { teamId, ownerId },
    {
      $set: { ownerId: null, assignedAt: now },
      $push: { ownership: { ownerId: null, fromId: ownerId, reason: "manager-deactivated", at: now } },
    },
  );
  return result.modifiedCount;
}

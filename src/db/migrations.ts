import { Member } from "../teams/member.model.js";

/**
 * Data changes that new code needs from a database an older version wrote.
 * Each step is idempotent (safe on every start, on every instance at once)
 * and uses only single-document updates, like the rest of Baton.
 */
export async function migrate(): Promise<void> {
  await membershipsPerTeam();
}

/**
 * Memberships used to be one document per person (unique telegramId), re-pointed
 * to a new team on joining. Now each membership is its own document and only
 * the active one carries `activeTelegramId` (unique, sparse).
 */
async function membershipsPerTeam(): Promise<void> {
  const indexes = await Member.collection.indexes();
  if (indexes.some((i) => i.name === "telegramId_1" && i.unique)) await Member.collection.dropIndex("telegramId_1");
  for await (const m of Member.find({ active: true, activeTelegramId: { $exists: false } }, { telegramId: 1 }).lean().cursor()) {
    await Member.updateOne({ _id: m._id, active: true, activeTelegramId: { $exists: false } }, { $set: { activeTelegramId: m.telegramId } });
  }
}

import type { Types } from "mongoose";
import { User, type UserDoc } from "../users/user.model.js";
import { Member, type MemberDoc } from "./member.model.js";
import { Team, type TeamDoc } from "./team.model.js";

/** Who a Telegram user is to Baton: their membership and team, if any. */
export interface Membership {
  member: MemberDoc;
  team: TeamDoc;
}

export interface IdentityRecord {
  user: UserDoc | null;
  membership: Membership | null;
}

/**
 * The sender of an update, read on every update: the user with their current
 * membership and its team, in one round trip (point lookups by `_id`). A
 * person with no pointer yet (first contact, or data seeded without one) or
 * whose pointed membership is over is looked up once more by the unique
 * `activeTelegramId`, and the pointer is repaired, so that path is rare.
 */
export async function readIdentity(telegramId: number): Promise<IdentityRecord> {
  const [row] = await User.aggregate<UserDoc & { member?: MemberDoc; team: TeamDoc[] }>([
    { $match: { _id: telegramId } },
    { $lookup: { from: Member.collection.name, localField: "memberId", foreignField: "_id", as: "member" } },
    // Unwound so the team lookup reads a plain field (the offline engine cannot follow a path through an array).
    { $unwind: { path: "$member", preserveNullAndEmptyArrays: true } },
    { $lookup: { from: Team.collection.name, localField: "member.teamId", foreignField: "_id", as: "team" } },
  ]);
  // First contact (no user yet): a membership may still exist (founded or seeded before the first message).
  if (!row) return { user: null, membership: (await activeMembership(telegramId)) ?? (await latestMembership(telegramId)) };
  const { member, team, ...user } = row;
  const current = member && team[0] ? { member, team: team[0] } : null;
  if (current?.member.active) return { user, membership: current };
  // Not looked for yet, a dangling pointer, or the pointed membership ended: is there an active one?
  if (user.memberId !== null) {
    const active = await activeMembership(telegramId);
    if (active) {
      await pointUserAt(telegramId, active.member._id);
      return { user: { ...user, memberId: active.member._id }, membership: active };
    }
    if (user.memberId === undefined) {
      // Data from before pointers (or seeded without one): the latest membership, active or not.
      const latest = await latestMembership(telegramId);
      await pointUserAt(telegramId, latest?.member._id ?? null);
      return { user, membership: latest };
    }
  }
  return { user, membership: current };
}

/** The person's active membership, by the unique key of "one active team per person". */
export async function activeMembership(telegramId: number): Promise<Membership | null> {
  const member = await Member.findOne({ activeTelegramId: telegramId }).lean();
  if (!member) return null;
  const team = await Team.findById(member.teamId).lean();
  return team ? { member, team } : null;
}

/** The person's most recent membership, ended or not (index telegramId + joinedAt). */
async function latestMembership(telegramId: number): Promise<Membership | null> {
  const member = await Member.findOne({ telegramId }).sort({ joinedAt: -1 }).lean();
  if (!member) return null;
  const team = await Team.findById(member.teamId).lean();
  return team ? { member, team } : null;
}

/** Records which membership is the person's current one (after joining or founding a team). */
export async function pointUserAt(telegramId: number, memberId: Types.ObjectId | null): Promise<void> {
  // Upsert: a team may be founded or joined before the user's profile was stored (seeded data, imports).
  await User.updateOne({ _id: telegramId }, { $set: { memberId } }, { upsert: true });
}

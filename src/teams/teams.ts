import { Types } from "mongoose";
import { derivedObjectId } from "../shared/derived-id.js";
import { activeMembership, pointUserAt, type Membership } from "./membership.js";
import type { Language } from "../config.js";
import { isDuplicateKeyError } from "../shared/mongo-errors.js";
import { fail, ok, type Result } from "../shared/result.js";
import { Member, type MemberDoc } from "./member.model.js";
import { Team } from "./team.model.js";
import { defaultTeamSettings } from "./team-settings.js";

export type { Membership };

export interface NewTeam {
  founder: { telegramId: number; name: string };
  name: string;
  timezone: string;
  country: string;
  currency: string;
  language: Language;
  now: Date;
}

/**
 * Creates the team and makes the founder its director. Two documents and no
 * transaction: the team is written first; if the founder turns out to be in a
 * team already (unique telegramId), the new team is removed again, so no
 * director-less team is left behind.
 */
export async function createTeam(input: NewTeam): Promise<Result<Membership, "already-member">> {
  if (await activeMembership(input.founder.telegramId)) return fail("already-member");
  const team = await Team.create({
    name: input.name,
    timezone: input.timezone,
    country: input.country,
    currency: input.currency,
    language: input.language,
    settings: defaultTeamSettings(),
    createdBy: input.founder.telegramId,
  });
  try {
    const member = await Member.create({
      _id: derivedObjectId("founder", String(team._id)),
      teamId: team._id,
      telegramId: input.founder.telegramId,
      activeTelegramId: input.founder.telegramId,
      name: input.founder.name,
      role: "director",
      level: 5,
      active: true,
      joinedAt: input.now,
    });
    await pointUserAt(input.founder.telegramId, member._id);
    return ok({ team: team.toObject(), member: member.toObject() });
  } catch (err) {
    await Team.deleteOne({ _id: team._id });
    if (isDuplicateKeyError(err)) return fail("already-member");
    throw err;
  }
}

export async function listMembers(teamId: Types.ObjectId): Promise<MemberDoc[]> {
  return Member.find({ teamId }).sort({ active: -1, role: 1, level: -1, name: 1 }).lean();
}

/** A member of this team only: ids from button payloads are never trusted across teams. */
export async function findTeamMember(teamId: Types.ObjectId, memberId: string): Promise<MemberDoc | null> {
  if (!Types.ObjectId.isValid(memberId)) return null;
  return Member.findOne({ _id: new Types.ObjectId(memberId), teamId }).lean();
}

export async function setMemberLevel(
  teamId: Types.ObjectId,
  memberId: string,
  level: number,
): Promise<Result<MemberDoc, "not-found" | "bad-level">> {
  if (!Number.isInteger(level) || level < 1 || level > 5) return fail("bad-level");
  if (!Types.ObjectId.isValid(memberId)) return fail("not-found");
  const member = await Member.findOneAndUpdate(
    { _id: new Types.ObjectId(memberId), teamId },
    { $set: { level } },
    { returnDocument: "after" },
  ).lean();
  return member ? ok(member) : fail("not-found");
}

/**
 * Turns a manager off. Access ends with this single update (every update
 * re-reads the membership); handing their clients on is a job of its own.
 */
export async function deactivateManager(
  teamId: Types.ObjectId,
  memberId: string,
  now: Date,
): Promise<Result<MemberDoc, "not-found" | "not-a-manager" | "already-inactive">> {
  const target = await findTeamMember(teamId, memberId);
  if (!target) return fail("not-found");
  if (target.role !== "manager") return fail("not-a-manager");
  const member = await Member.findOneAndUpdate(
    { _id: target._id, teamId, role: "manager", active: true },
    { $set: { active: false, deactivatedAt: now }, $unset: { activeTelegramId: 1 } },
    { returnDocument: "after" },
  ).lean();
  return member ? ok(member) : fail("already-inactive");
}

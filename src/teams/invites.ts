import { randomBytes } from "node:crypto";
import type { Types } from "mongoose";
import { isDuplicateKeyError } from "../shared/mongo-errors.js";
import { fail, ok, type Result } from "../shared/result.js";
import { Invite, type InviteDoc } from "./invite.model.js";
import { Member, type Role } from "./member.model.js";
import { Team } from "./team.model.js";
import type { Membership } from "./teams.js";

/** Deep-link payloads of invites: `inv-` + 16 url-safe characters (well under Telegram's 64). */
const INVITE_PREFIX = "inv-";
const PAYLOAD_RE = /^[A-Za-z0-9_-]{1,64}$/;

export function invitePayload(token: string): string {
  return INVITE_PREFIX + token;
}

/** The token of an invite payload, or null when the payload is something else. */
export function parseInvitePayload(payload: string): string | null {
  if (!PAYLOAD_RE.test(payload) || !payload.startsWith(INVITE_PREFIX)) return null;
  return payload.slice(INVITE_PREFIX.length);
}

export function inviteLink(botUsername: string, token: string): string {
  return `https://t.me/${botUsername}?start=${invitePayload(token)}`;
}

export async function createInvite(input: {
  teamId: Types.ObjectId;
  createdBy: number;
  role: Role;
  level: number;
  now: Date;
  ttlDays: number;
}): Promise<InviteDoc> {
  const invite = await Invite.create({
    _id: randomBytes(12).toString("base64url"),
    teamId: input.teamId,
    role: input.role,
    level: input.level,
    createdBy: input.createdBy,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.ttlDays * 24 * 3600 * 1000),
  });
  return invite.toObject();
}

export type RedeemError = "unknown" | "expired" | "used" | "already-member" | "already-in-this-team";

/**
 * Joins a user to the invite's team. The invite is claimed with one
 * conditional update (unused and unexpired), so two people racing for the
 * same link cannot both get in; if the member insert then fails, the claim is
 * given back.
 */
export async function redeemInvite(input: {
  token: string;
  user: { telegramId: number; name: string };
  now: Date;
}): Promise<Result<Membership & { invite: InviteDoc }, RedeemError>> {
  const existing = await Member.findOne({ telegramId: input.user.telegramId }).lean();
  const invite = await Invite.findOneAndUpdate(
    { _id: input.token, usedAt: null, expiresAt: { $gt: input.now } },
    { $set: { usedAt: input.now, usedBy: input.user.telegramId } },
    { returnDocument: "after" },
  ).lean();
  if (!invite) {
    const stale = await Invite.findById(input.token).lean();
    if (!stale) return fail("unknown");
    if (stale.usedAt) return fail("used");
    return fail("expired");
  }
  const release = () => Invite.updateOne({ _id: invite._id, usedBy: input.user.telegramId }, { $set: { usedAt: null, usedBy: null } });

  // A deactivated member may come back through a new invite, into any team.
  if (existing?.active) {
    await release();
    return fail(existing.teamId.equals(invite.teamId) ? "already-in-this-team" : "already-member");
  }
  const team = await Team.findById(invite.teamId).lean();
  if (!team) {
    await release();
    return fail("unknown");
  }
  const fields = {
    teamId: invite.teamId,
    name: input.user.name,
    role: invite.role,
    level: invite.level,
    active: true,
    joinedAt: input.now,
    deactivatedAt: null,
    clientsReleasedAt: null,
  };
  try {
    const member = existing
      ? await Member.findOneAndUpdate({ _id: existing._id, active: false }, { $set: fields }, { returnDocument: "after" }).lean()
      : (await Member.create({ ...fields, telegramId: input.user.telegramId })).toObject();
    if (!member) {
      await release();
      return fail("already-member");
    }
    return ok({ team, member, invite });
  } catch (err) {
    await release();
    if (isDuplicateKeyError(err)) return fail("already-member");
    throw err;
  }
}

/** Unused, unexpired invites of a team, newest first. */
export async function listOpenInvites(teamId: Types.ObjectId, now: Date): Promise<InviteDoc[]> {
  return Invite.find({ teamId, usedAt: null, expiresAt: { $gt: now } }).sort({ createdAt: -1 }).limit(20).lean();
}

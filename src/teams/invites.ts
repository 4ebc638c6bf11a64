import { randomBytes } from "node:crypto";
import type { Types } from "mongoose";
import { isDuplicateKeyError } from "../shared/mongo-errors.js";
import { fail, ok, type Result } from "../shared/result.js";
import { Invite, type InviteDoc } from "./invite.model.js";
import { Member, type Role } from "./member.model.js";
import { Team } from "./team.model.js";
import { derivedObjectId } from "../shared/derived-id.js";
import { activeMembership, pointUserAt, type Membership } from "./membership.js";

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
 * Joins a user to the invite's team as a new member (a new identity: nothing
 * of an earlier membership follows). The invite is claimed with one
 * conditional update (unused and unexpired), so two people racing for the
 * same link cannot both get in. The member's id is derived from the invite,
 * so a join interrupted by a crash is completed by opening the link again,
 * never doubled; if the person turns out to be active in a team already, the
 * claim is given back.
 */
export async function redeemInvite(input: {
  token: string;
  user: { telegramId: number; name: string };
  now: Date;
}): Promise<Result<Membership & { invite: InviteDoc }, RedeemError>> {
  const current = await activeMembership(input.user.telegramId);
  const invite =
    (await Invite.findOneAndUpdate(
      { _id: input.token, usedAt: null, expiresAt: { $gt: input.now } },
      { $set: { usedAt: input.now, usedBy: input.user.telegramId } },
      { returnDocument: "after" },
    ).lean()) ?? (await Invite.findOne({ _id: input.token, usedBy: input.user.telegramId }).lean());
  if (!invite) {
    const stale = await Invite.findById(input.token).lean();
    if (!stale) return fail("unknown");
    if (stale.usedAt) return fail("used");
    return fail("expired");
  }
  const memberId = derivedObjectId("invite", invite._id);
  if (current) {
    // This very invite opened again by the one who joined with it: nothing to give back.
    if (!current.member._id.equals(memberId)) await releaseInvite(invite, input.user.telegramId);
    return fail(current.team._id.equals(invite.teamId) ? "already-in-this-team" : "already-member");
  }
  const team = await Team.findById(invite.teamId).lean();
  if (!team) {
    await releaseInvite(invite, input.user.telegramId);
    return fail("unknown");
  }
  try {
    const member = await Member.findOneAndUpdate(
      { _id: memberId },
      {
        $setOnInsert: {
          teamId: invite.teamId,
          telegramId: input.user.telegramId,
          activeTelegramId: input.user.telegramId,
          name: input.user.name,
          role: invite.role,
          level: invite.level,
          active: true,
          joinedAt: input.now,
          deactivatedAt: null,
          clientsReleasedAt: null,
        },
      },
      { upsert: true, returnDocument: "after" },
    ).lean();
    if (!member?.active) return fail("used"); // joined through this invite once and was deactivated since
    await pointUserAt(input.user.telegramId, member._id);
    return ok({ team, member, invite });
  } catch (err) {
    // Active in another team meanwhile (unique activeTelegramId).
    if (!isDuplicateKeyError(err)) throw err;
    await releaseInvite(invite, input.user.telegramId);
    return fail("already-member");
  }
}

async function releaseInvite(invite: InviteDoc, telegramId: number): Promise<void> {
  await Invite.updateOne({ _id: invite._id, usedBy: telegramId }, { $set: { usedAt: null, usedBy: null } });
}

/** Unused, unexpired invites of a team, newest first. */
export async function listOpenInvites(teamId: Types.ObjectId, now: Date): Promise<InviteDoc[]> {
  return Invite.find({ teamId, usedAt: null, expiresAt: { $gt: now } }).sort({ createdAt: -1 }).limit(20).lean();
}

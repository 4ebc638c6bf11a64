import type { JobQueue } from "../queue/job-queue.js";
import { deactivationRunId } from "../rotation/run-ids.js";
import { fail, ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "./actor.js";
import type { InviteDoc } from "./invite.model.js";
import { createInvite } from "./invites.js";
import { LEVELS, ROLES, type MemberDoc, type Role } from "./member.model.js";
import { deactivateManager, findTeamMember, listMembers, setMemberLevel } from "./teams.js";

/**
 * What a director does to the team: invite, change a level, deactivate a
 * manager. Each function re-checks that the asker is still an active director
 * of that team before it writes anything.
 */

export async function inviteMember(input: {
  actor: ActorRef;
  telegramId: number;
  role: Role;
  level: number;
  now: Date;
  ttlDays: number;
}): Promise<Result<InviteDoc, ActorRefusal | "bad-invite">> {
  const actor = await checkActor(input.actor, ["director"]);
  if (!actor.ok) return actor;
  if (!ROLES.includes(input.role) || !(LEVELS as readonly number[]).includes(input.level)) return fail("bad-invite");
  const invite = await createInvite({
    teamId: actor.value.teamId,
    createdBy: input.telegramId,
    role: input.role,
    level: input.level,
    now: input.now,
    ttlDays: input.ttlDays,
  });
  return ok(invite);
}

export async function teamMembers(actor: ActorRef): Promise<Result<MemberDoc[], ActorRefusal>> {
  const checked = await checkActor(actor, ["director"]);
  if (!checked.ok) return checked;
  return ok(await listMembers(checked.value.teamId));
}

export async function teamMember(actor: ActorRef, memberId: string): Promise<Result<MemberDoc, ActorRefusal | "not-found">> {
  const checked = await checkActor(actor, ["director"]);
  if (!checked.ok) return checked;
  const member = await findTeamMember(checked.value.teamId, memberId);
  return member ? ok(member) : fail("not-found");
}

/**
 * Levels matter for managers (rotation hands clients within a level). A
 * director changes managers' levels only: directors' levels are not theirs to
 * change for one another.
 */
export async function changeLevel(input: {
  actor: ActorRef;
  memberId: string;
  level: number;
}): Promise<Result<MemberDoc, ActorRefusal | "not-found" | "bad-level" | "not-a-manager">> {
  const checked = await checkActor(input.actor, ["director"]);
  if (!checked.ok) return checked;
  const target = await findTeamMember(checked.value.teamId, input.memberId);
  if (!target) return fail("not-found");
  if (target.role !== "manager") return fail("not-a-manager");
  return setMemberLevel(checked.value.teamId, input.memberId, input.level);
}

/**
 * Turns a manager off: access ends with this one update (every update
 * re-reads the membership), and the handover of their clients is published as
 * a rotation run of its own, keyed by member and time, so it happens once.
 */
export async function deactivateMember(input: {
  actor: ActorRef;
  /** Telegram id of the director: gets the handover summary. */
  requestedBy: number;
  memberId: string;
  now: Date;
  jobs: JobQueue;
}): Promise<Result<MemberDoc, ActorRefusal | "not-found" | "not-a-manager" | "already-inactive">> {
  const checked = await checkActor(input.actor, ["director"]);
  if (!checked.ok) return checked;
  const teamId = checked.value.teamId;
  const result = await deactivateManager(teamId, input.memberId, input.now);
  if (!result.ok) return result;
  const member = result.value;
  await input.jobs.enqueue("rotation.run", {
    teamId: String(teamId),
    runId: deactivationRunId(teamId, member._id, member.deactivatedAt!),
    kind: "deactivation",
    memberId: String(member._id),
    requestedBy: input.requestedBy,
  });
  return ok(member);
}


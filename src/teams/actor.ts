import { Types } from "mongoose";
import { fail, ok, type Result } from "../shared/result.js";
import { Member, type MemberDoc, type Role } from "./member.model.js";

/**
 * Who asks for a change: a member of a team. Every use case that writes
 * re-checks it first (one read by `_id`), because the asker may have been
 * deactivated or moved since the button or the conversation step was shown.
 */
export interface ActorRef {
  teamId: Types.ObjectId | string;
  memberId: Types.ObjectId | string;
}

export type ActorRefusal = "not-a-member" | "not-allowed";

/** The actor's member document if it is still active in that team with one of `roles`. */
export async function checkActor(ref: ActorRef, roles: readonly Role[]): Promise<Result<MemberDoc, ActorRefusal>> {
  if (!Types.ObjectId.isValid(ref.memberId) || !Types.ObjectId.isValid(ref.teamId)) return fail("not-a-member");
  const member = await Member.findById(new Types.ObjectId(ref.memberId)).lean();
  if (!member || !member.active || !member.teamId.equals(new Types.ObjectId(ref.teamId))) return fail("not-a-member");
  return roles.includes(member.role) ? ok(member) : fail("not-allowed");
}

import { ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../teams/actor.js";
import type { Viewer } from "./viewer.js";

export type { ActorRef, ActorRefusal };

/** Who works on clients: managers (their own clients) and directors (the whole team). */
export const CLIENT_ROLES = ["manager", "director"] as const;

/**
 * The actor, re-checked (one read by `_id`: still an active member of that
 * team), as the viewer that scopes every read and write of clients. The role
 * comes from the member document, not from what the button or conversation
 * was started with.
 */
export async function clientViewer(actor: ActorRef): Promise<Result<Viewer, ActorRefusal>> {
  const checked = await checkActor(actor, CLIENT_ROLES);
  if (!checked.ok) return checked;
  const member = checked.value;
  return ok({ teamId: member.teamId, memberId: member._id, role: member.role });
}

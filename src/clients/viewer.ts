import { Types, type QueryFilter } from "mongoose";
import type { Role } from "../teams/member.model.js";
import { Client, type ClientDoc } from "./client.model.js";

/**
 * Who is looking. Every read and write of clients goes through these
 * filters: a manager sees only the clients they own, a director the whole
 * team, nobody anything of another team.
 */
export interface Viewer {
  teamId: Types.ObjectId;
  memberId: Types.ObjectId;
  role: Role;
}

export function visibleClients(viewer: Viewer): QueryFilter<ClientDoc> {
  return viewer.role === "director" ? { teamId: viewer.teamId } : { teamId: viewer.teamId, ownerId: viewer.memberId };
}

/** A client id from a button or command, checked against what the viewer may see. */
export function visibleClientFilter(viewer: Viewer, clientId: string): QueryFilter<ClientDoc> | null {
  if (!Types.ObjectId.isValid(clientId) || !/^[0-9a-f]{24}$/i.test(clientId)) return null;
  return { ...visibleClients(viewer), _id: new Types.ObjectId(clientId) };
}

export async function findVisibleClient(viewer: Viewer, clientId: string): Promise<ClientDoc | null> {
  const filter = visibleClientFilter(viewer, clientId);
  return filter ? Client.findOne(filter).lean() : null;
}

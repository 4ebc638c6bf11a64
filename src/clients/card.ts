import type { ClientDoc } from "./client.model.js";
import { Rotation } from "../rotation/rotation.model.js";
import { Member } from "../teams/member.model.js";
import { timelinePage, type Page } from "./queries.js";
import { findVisibleClient, type Viewer } from "./viewer.js";
import type { ClientEventDoc } from "./client-event.model.js";

export interface ClientCard {
  client: ClientDoc;
  ownerName: string | null;
  timeline: Page<ClientEventDoc>;
  names: Map<string, string>;
  /** The viewer owes a processing report on this client (received by rotation). */
  reportDue: boolean;
}

/**
 * Everything a client card shows, in four round trips whatever the
 * history's length: the client (access-checked), a page of its history, the
 * names of the people in that page, and whether the viewer owes a report.
 */
export async function loadClientCard(viewer: Viewer, clientId: string, page: number, pageSize: number): Promise<ClientCard | null> {
  const client = await findVisibleClient(viewer, clientId);
  if (!client) return null;
  const timeline = await timelinePage(client, Math.max(0, page), pageSize);
  const ids = new Set<string>();
  if (client.ownerId) ids.add(String(client.ownerId));
  for (const e of timeline.items) {
    if (e.actorId) ids.add(String(e.actorId));
    if (e.kind === "owner") for (const id of [e.data.fromId, e.data.toId]) if (id) ids.add(String(id));
  }
  const [members, report] = await Promise.all([
    Member.find({ teamId: viewer.teamId, _id: { $in: [...ids] } }, { name: 1 }).lean(),
    Rotation.exists({ teamId: viewer.teamId, clientId: client._id, toId: viewer.memberId, report: null }),
  ]);
  const names = new Map(members.map((m) => [String(m._id), m.name]));
  const ownerName = client.ownerId ? (names.get(String(client.ownerId)) ?? null) : null;
  return { client, ownerName, timeline, names, reportDue: report !== null };
}


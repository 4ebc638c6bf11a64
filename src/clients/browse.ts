import { Types } from "mongoose";
import { derivedObjectId } from "../shared/derived-id.js";
import { fail, ok, type Result } from "../shared/result.js";
import { Member } from "../teams/member.model.js";
import type { Role } from "../teams/member.model.js";
import { clientViewer, type ActorRef, type ActorRefusal } from "./access.js";
import { loadClientCard, type ClientCard } from "./card.js";
import type { ClientDoc } from "./client.model.js";
import { findClients, listClients, recentClients, type ClientFilter, type ClientListItem, type Page } from "./queries.js";
import { ClientSearch } from "./search.model.js";
import { findVisibleClient } from "./viewer.js";

/**
 * What managers and directors look at: lists, cards, search, and the clients
 * a conversation offers to pick. Each call re-checks the actor first (still an
 * active member of the team), then reads only what that member may see.
 */

/** Clients per page of /clients and /find. */
export const CLIENTS_PER_PAGE = 8;
/** History entries per page of a card. */
export const HISTORY_PER_PAGE = 6;

export interface ClientListPage {
  role: Role;
  clients: Page<ClientListItem>;
}

/** /clients: the viewer's clients, soonest to rotate first; directors may narrow to one member or the free pool. */
export async function clientList(
  actor: ActorRef,
  opts: { filter: ClientFilter; page: number; owner: string | null },
): Promise<Result<ClientListPage, ActorRefusal>> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  const clients = await listClients(viewer.value, {
    filter: opts.filter,
    page: opts.page,
    pageSize: CLIENTS_PER_PAGE,
    ...(opts.owner ? { ownerId: opts.owner } : {}),
  });
  return ok({ role: viewer.value.role, clients });
}

export interface TeamMemberName {
  id: string;
  name: string;
}

/** "By manager" (directors): the team's active members, by name. */
export async function clientOwners(actor: ActorRef): Promise<Result<TeamMemberName[], ActorRefusal>> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  if (viewer.value.role !== "director") return fail("not-allowed");
  const members = await Member.find({ teamId: viewer.value.teamId, active: true }, { name: 1 }).sort({ name: 1, _id: 1 }).lean();
  return ok(members.map((m) => ({ id: String(m._id), name: m.name })));
}

/** A client's card with one page of its history. */
export async function clientCard(actor: ActorRef, clientId: string, page: number): Promise<Result<ClientCard, ActorRefusal | "not-found">> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  const card = await loadClientCard(viewer.value, clientId, page, HISTORY_PER_PAGE);
  return card ? ok(card) : fail("not-found");
}

/** A client the actor may see, with the actor's current role (the edit menu). */
export async function clientToEdit(actor: ActorRef, clientId: string): Promise<Result<{ client: ClientDoc; role: Role }, ActorRefusal | "not-found">> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  const client = await findVisibleClient(viewer.value, clientId);
  return client ? ok({ client, role: viewer.value.role }) : fail("not-found");
}

export interface SearchPage {
  /** Names this search for the paging buttons. */
  searchId: string;
  text: string;
  clients: Page<ClientListItem>;
}

/**
 * /find: searches and keeps the query on the server under a short id (one
 * record per member and query), so the paging buttons carry only that id.
 */
export async function searchClients(actor: ActorRef, text: string): Promise<Result<SearchPage, ActorRefusal>> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  const { teamId, memberId } = viewer.value;
  const searchId = derivedObjectId("client-search", String(memberId), text);
  await ClientSearch.updateOne(
    { _id: searchId },
    { $set: { searchedAt: new Date() }, $setOnInsert: { teamId, memberId, text } },
    { upsert: true },
  );
  const clients = await findClients(viewer.value, text, 0, CLIENTS_PER_PAGE);
  return ok({ searchId: String(searchId), text, clients });
}

/** Another page of an earlier /find of the same member; "expired" once the query is gone. */
export async function searchPage(actor: ActorRef, searchId: string, page: number): Promise<Result<SearchPage, ActorRefusal | "expired">> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  if (!Types.ObjectId.isValid(searchId)) return fail("expired");
  const { teamId, memberId } = viewer.value;
  const search = await ClientSearch.findOne({ _id: new Types.ObjectId(searchId), teamId, memberId }, { text: 1 }).lean();
  if (!search) return fail("expired");
  const clients = await findClients(viewer.value, search.text, page, CLIENTS_PER_PAGE);
  return ok({ searchId, text: search.text, clients });
}

/** A client offered in a conversation: plain data, stored with the conversation's state. */
export interface PickedClient {
  id: string;
  name: string;
}

const picked = (c: Pick<ClientDoc, "_id" | "name">): PickedClient => ({ id: String(c._id), name: c.name });

/** The given client if the actor may work on it now (visible and active), else null. */
export async function clientToWorkOn(actor: ActorRef, clientId: string): Promise<Result<PickedClient | null, ActorRefusal>> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  const client = await findVisibleClient(viewer.value, clientId);
  return ok(client && client.status === "active" ? picked(client) : null);
}

/** The actor's active clients, most recently worked first: the "which client?" buttons. */
export async function recentClientsToWorkOn(actor: ActorRef, limit: number): Promise<Result<PickedClient[], ActorRefusal>> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  return ok((await recentClients(viewer.value, limit)).map(picked));
}

/** Active clients matching typed text (name, phone or email), for "which client?". */
export async function matchingClientsToWorkOn(actor: ActorRef, text: string, limit: number): Promise<Result<PickedClient[], ActorRefusal>> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  const found = await findClients(viewer.value, text, 0, limit);
  return ok(found.items.filter((c) => c.status === "active").map(picked));
}

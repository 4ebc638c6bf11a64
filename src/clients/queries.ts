import { Types, type QueryFilter } from "mongoose";
import { ClientEvent, type ClientEventDoc } from "./client-event.model.js";
import { Client, type ClientDoc } from "./client.model.js";
import { nameKey } from "./name-key.js";
import { visibleClients, type Viewer } from "./viewer.js";

/**
 * Reads behind /clients, the client card and /find. Each is a fixed number
 * of round trips (one query fetching one row more than a page to know if
 * another page exists), whatever the size of the base.
 */

export const CLIENT_FILTERS = ["active", "never-bought", "key", "lost"] as const;
export type ClientFilter = (typeof CLIENT_FILTERS)[number];

export type ClientListItem = Pick<
  ClientDoc,
  "_id" | "name" | "ownerId" | "rotationDueAt" | "dealCount" | "keyAccount" | "status" | "pinned"
>;
const LIST_FIELDS = { name: 1, ownerId: 1, rotationDueAt: 1, dealCount: 1, keyAccount: 1, status: 1, pinned: 1 } as const;

export interface Page<T> {
  items: T[];
  page: number;
  hasMore: boolean;
}

async function paged<T>(query: { skip(n: number): { limit(n: number): PromiseLike<T[]> } }, page: number, size: number): Promise<Page<T>> {
  const rows = await query.skip(page * size).limit(size + 1);
  return { items: rows.slice(0, size), page, hasMore: rows.length > size };
}

function filterQuery(filter: ClientFilter): QueryFilter<ClientDoc> {
  switch (filter) {
    case "active":
      return { status: "active" };
    case "never-bought":
      return { status: "active", dealCount: 0 };
    case "key":
      return { status: "active", keyAccount: true };
    case "lost":
      return { status: "lost" };
  }
}

/** The viewer's clients, soonest to rotate first. Directors may narrow to one manager ("pool" = free pool). */
export async function listClients(
  viewer: Viewer,
  opts: { filter: ClientFilter; page: number; pageSize: number; ownerId?: string | "pool" },
): Promise<Page<ClientListItem>> {
  const query: QueryFilter<ClientDoc> = { ...visibleClients(viewer), ...filterQuery(opts.filter) };
  if (viewer.role === "director" && opts.ownerId) {
    if (opts.ownerId === "pool") query.ownerId = null;
    else if (Types.ObjectId.isValid(opts.ownerId)) query.ownerId = new Types.ObjectId(opts.ownerId);
  }
  return paged(Client.find(query, LIST_FIELDS).sort({ rotationDueAt: 1, _id: 1 }).lean<ClientListItem[]>(), opts.page, opts.pageSize);
}

/** Recently worked clients, for the "pick a client" buttons. */
export async function recentClients(viewer: Viewer, limit: number): Promise<ClientListItem[]> {
  return Client.find({ ...visibleClients(viewer), status: "active" }, LIST_FIELDS)
    .sort({ lastActivityAt: -1 })
    .limit(limit)
    .lean<ClientListItem[]>();
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * /find: by phone when the text is mostly digits (matches the end of the
 * stored E.164 number, so "345-67-89" finds "+79123456789"), by email when
 * it has an @, else by name (the normalized key contains the text).
 */
export async function findClients(viewer: Viewer, text: string, page: number, pageSize: number): Promise<Page<ClientListItem>> {
  const trimmed = text.trim();
  const digits = trimmed.replace(/\D/g, "");
  let match: QueryFilter<ClientDoc>;
  if (digits.length >= 5 && digits.length >= trimmed.replace(/\s/g, "").length - 4) {
    match = { phones: { $regex: escapeRegex(digits) + "$" } };
  } else if (trimmed.includes("@")) {
    match = { email: { $regex: "^" + escapeRegex(trimmed.toLowerCase()) } };
  } else {
    const key = nameKey(trimmed);
    if (!key) return { items: [], page, hasMore: false };
    match = { nameKey: { $regex: escapeRegex(key) } };
  }
  return paged(
    Client.find({ ...visibleClients(viewer), ...match }, LIST_FIELDS).sort({ nameKey: 1, _id: 1 }).lean<ClientListItem[]>(),
    page,
    pageSize,
  );
}

/** A page of the client's history, newest first. */
export async function timelinePage(
  client: Pick<ClientDoc, "_id" | "teamId">,
  page: number,
  pageSize: number,
): Promise<Page<ClientEventDoc>> {
  return paged(
    ClientEvent.find({ teamId: client.teamId, clientId: client._id }).sort({ at: -1, _id: -1 }).lean<ClientEventDoc[]>(),
    page,
    pageSize,
  );
}

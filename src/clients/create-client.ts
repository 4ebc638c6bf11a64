import { Types } from "mongoose";
import { storedRotationDueAt } from "../rotation/from-documents.js";
import { fail, ok, type Result } from "../shared/result.js";
import { loadTeamFacts } from "../teams/team-facts.js";
import type { RotationSettings } from "../teams/team-settings.js";
import { clientViewer, type ActorRef, type ActorRefusal } from "./access.js";
import { ClientEvent } from "./client-event.model.js";
import { Client, type ClientDoc, type OwnershipReason } from "./client.model.js";
import { findDuplicates, type DuplicateMatch } from "./duplicates.js";
import { parseClientName } from "./edit-client.js";
import { nameKey } from "./name-key.js";

export interface NewClient {
  name: string;
  kind: "b2b" | "b2c";
  keyAccount: boolean;
  phones: string[];
  email: string | null;
  contactPerson: string | null;
  source: string | null;
  notes: string | null;
  tags?: string[];
}

/** The fields of a new client document; shared by the guided creation and the CSV import. */
export function newClientDocument(input: {
  id?: Types.ObjectId;
  teamId: Types.ObjectId;
  ownerId: Types.ObjectId | null;
  client: NewClient;
  now: Date;
  reason: OwnershipReason;
  rotation: RotationSettings;
}): ClientDoc {
  const base = {
    _id: input.id ?? new Types.ObjectId(),
    teamId: input.teamId,
    name: input.client.name,
    nameKey: nameKey(input.client.name),
    kind: input.client.kind,
    keyAccount: input.client.keyAccount,
    phones: input.client.phones,
    email: input.client.email,
    contactPerson: input.client.contactPerson,
    source: input.client.source,
    tags: input.client.tags ?? [],
    notes: input.client.notes,
    ownerId: input.ownerId,
    assignedAt: input.now,
    acquiredBy: input.ownerId,
    createdAt: input.now,
    firstDealAt: null,
    lastDealAt: null,
    dealCount: 0,
    status: "active" as const,
    lostReason: null,
    lostAt: null,
    pinned: false,
    ownership: [{ ownerId: input.ownerId, fromId: null, reason: input.reason, at: input.now }],
    lastActivityAt: input.now,
    lastDealRequestId: null,
  };
  return { ...base, rotationDueAt: storedRotationDueAt(base, input.rotation) };
}

export type AddClientError = ActorRefusal | "client-name-length" | "duplicate";

/**
 * Adds a client owned by the member who found it (owner and `acquiredBy`).
 * Refuses when the team already has it (same phone or email, or a very
 * similar name), with the matches in the refusal's data. With the same `id`
 * again (a repeated confirmation) it returns the client created the first time.
 */
export async function addClient(input: {
  actor: ActorRef;
  /** Chosen once by the caller (`newEntryId`): the idempotency key. */
  id: string;
  client: NewClient;
  now: Date;
}): Promise<Result<ClientDoc, AddClientError, { duplicate: { duplicates: DuplicateMatch[] } }>> {
  const viewer = await clientViewer(input.actor);
  if (!viewer.ok) return viewer;
  const { teamId, memberId } = viewer.value;
  const name = parseClientName(input.client.name);
  if (!name.ok) return name;
  const client = { ...input.client, name: name.value };
  const id = new Types.ObjectId(input.id);

  const existing = await Client.findOne({ _id: id, teamId }).lean();
  if (existing) return ok(existing);
  const duplicates = await findDuplicates(teamId, memberId, client);
  if (duplicates.length > 0) return fail("duplicate", { duplicates });

  const { rotation } = await loadTeamFacts(teamId);
  const doc = newClientDocument({ id, teamId, ownerId: memberId, client, now: input.now, reason: "created", rotation });
  await Client.updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true });
  await ClientEvent.updateOne(
    { _id: doc._id }, // the "created" entry shares the client's id: written once
    { $setOnInsert: { teamId: doc.teamId, clientId: doc._id, kind: "created", at: input.now, actorId: memberId } },
    { upsert: true },
  );
  return ok(doc);
}

/**
 * The duplicate check alone, asked half-way through /newclient (after name,
 * phone and email) so nobody types the rest in vain.
 */
export async function clientDuplicates(
  actor: ActorRef,
  candidate: { name: string; phones: string[]; email: string | null },
): Promise<Result<DuplicateMatch[], ActorRefusal>> {
  const viewer = await clientViewer(actor);
  if (!viewer.ok) return viewer;
  return ok(await findDuplicates(viewer.value.teamId, viewer.value.memberId, candidate));
}

import type { CountryCode } from "libphonenumber-js";
import { storedRotationDueAt } from "../rotation/from-documents.js";
import { parseEmail } from "../shared/parse/email.js";
import { normalizePhone } from "../shared/parse/phone.js";
import { fail, ok, type Result } from "../shared/result.js";
import { loadTeamFacts } from "../teams/team-facts.js";
import { clientViewer, type ActorRef, type ActorRefusal } from "./access.js";
import { ClientEvent } from "./client-event.model.js";
import { CLIENT_KINDS, Client, type ClientDoc } from "./client.model.js";
import { nameKey } from "./name-key.js";
import { visibleClientFilter, type Viewer } from "./viewer.js";

/**
 * Changes to a client from its card: a typed field, kind and flags, lost and
 * active again. Each re-checks the actor, changes only a client the actor may
 * see, recomputes the rotation date and logs the change in the history.
 */

export { CLIENT_KINDS };

export const EDITABLE_FIELDS = ["name", "phone", "email", "contactPerson", "source", "notes", "kind", "keyAccount", "pinned"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Fields typed as text (a conversation asks the value); the others are set by a button. */
export const TEXT_FIELDS = ["name", "phone", "email", "contactPerson", "source", "notes"] as const satisfies readonly EditableField[];
export type TextField = (typeof TEXT_FIELDS)[number];

/** Yes/no fields set by a button. Pinning (no rotation) is for directors. */
export const CLIENT_FLAGS = ["keyAccount", "pinned"] as const satisfies readonly EditableField[];
export type ClientFlag = (typeof CLIENT_FLAGS)[number];

export type FieldError = "client-name-length" | "text-too-long" | "phone-invalid" | "email-invalid";
export type EditError = ActorRefusal | "not-found" | FieldError;

/** Free-text fields: one line of up to 200 characters (notes: 2000). */
function parseText(raw: string, max: number): Result<string, "text-too-long"> {
  const text = raw.trim();
  return text.length > max ? fail("text-too-long") : ok(text);
}

export function parseClientName(raw: string): Result<string, "client-name-length"> {
  const name = raw.trim().replace(/\s+/g, " ");
  return name.length < 2 || name.length > 120 ? fail("client-name-length") : ok(name);
}

/** What the stored fields become for a typed value; empty text clears optional fields. */
export function parseFieldValue(field: TextField, raw: string, country: CountryCode | undefined): Result<Partial<ClientDoc>, FieldError> {
  switch (field) {
    case "name": {
      const r = parseClientName(raw);
      return r.ok ? ok({ name: r.value, nameKey: nameKey(r.value) }) : r;
    }
    case "phone": {
      const r = normalizePhone(raw, country);
      return r.ok ? ok({ phones: [r.value] }) : r;
    }
    case "email": {
      const r = parseEmail(raw);
      return r.ok ? ok({ email: r.value }) : r;
    }
    case "contactPerson":
    case "source": {
      const r = parseText(raw, 200);
      return r.ok ? ok({ [field]: r.value || null }) : r;
    }
    case "notes": {
      const r = parseText(raw, 2000);
      return r.ok ? ok({ notes: r.value || null }) : r;
    }
  }
}

/** Writes one change of a visible client, follows the rotation date and logs it. */
async function applyChange(viewer: Viewer, clientId: string, field: EditableField, change: Partial<ClientDoc>, now: Date): Promise<Result<ClientDoc, "not-found">> {
  const filter = visibleClientFilter(viewer, clientId);
  if (!filter) return fail("not-found");
  const before = await Client.findOneAndUpdate(filter, { $set: { ...change, lastActivityAt: now } }, { returnDocument: "before" }).lean();
  if (!before) return fail("not-found");
  const after: ClientDoc = { ...before, ...change, lastActivityAt: now };
  const { rotation } = await loadTeamFacts(viewer.teamId);
  const rotationDueAt = storedRotationDueAt(after, rotation);
  if (rotationDueAt.getTime() !== before.rotationDueAt?.getTime()) {
    await Client.updateOne({ _id: before._id }, { $set: { rotationDueAt } });
  }
  const shown = (doc: ClientDoc) => (field === "phone" ? doc.phones.join(", ") : String(doc[field] ?? ""));
  await ClientEvent.create({
    teamId: before.teamId,
    clientId: before._id,
    kind: "edited",
    at: now,
    actorId: viewer.memberId,
    data: { field, from: shown(before), to: shown(after) },
  });
  return ok({ ...after, rotationDueAt });
}

/** A typed field, validated as at creation (phones read with the team's country). */
export async function editClientField(input: {
  actor: ActorRef;
  clientId: string;
  field: TextField;
  raw: string;
  now: Date;
}): Promise<Result<ClientDoc, EditError>> {
  const viewer = await clientViewer(input.actor);
  if (!viewer.ok) return viewer;
  const { country } = await loadTeamFacts(viewer.value.teamId);
  const change = parseFieldValue(input.field, input.raw, country);
  if (!change.ok) return change;
  return applyChange(viewer.value, input.clientId, input.field, change.value, input.now);
}

/** Business or private. */
export async function setClientKind(input: {
  actor: ActorRef;
  clientId: string;
  kind: ClientDoc["kind"];
  now: Date;
}): Promise<Result<ClientDoc, ActorRefusal | "not-found">> {
  const viewer = await clientViewer(input.actor);
  if (!viewer.ok) return viewer;
  if (!CLIENT_KINDS.includes(input.kind)) return fail("not-found");
  return applyChange(viewer.value, input.clientId, "kind", { kind: input.kind }, input.now);
}

/** Key account on or off; pinned (exempt from rotation) on or off, directors only. Setting the current value again changes nothing. */
export async function setClientFlag(input: {
  actor: ActorRef;
  clientId: string;
  flag: ClientFlag;
  on: boolean;
  now: Date;
}): Promise<Result<ClientDoc, ActorRefusal | "not-found">> {
  const viewer = await clientViewer(input.actor);
  if (!viewer.ok) return viewer;
  if (input.flag === "pinned" && viewer.value.role !== "director") {
    // Someone else's client stays "not found" whatever is asked of it.
    const filter = visibleClientFilter(viewer.value, input.clientId);
    return fail(filter && (await Client.exists(filter)) ? "not-allowed" : "not-found");
  }
  return applyChange(viewer.value, input.clientId, input.flag, { [input.flag]: input.on }, input.now);
}

/** Marks a visible active client lost with the reason; rotation stops for it. */
export async function markLost(input: { actor: ActorRef; clientId: string; reason: string; now: Date }): Promise<Result<ClientDoc, ActorRefusal | "not-found" | "text-too-long">> {
  const reason = parseText(input.reason, 500);
  if (!reason.ok || reason.value.length === 0) return fail("text-too-long");
  return setStatus({ ...input, status: "lost", reason: reason.value });
}

/** Makes a lost client active again; rotation resumes. */
export async function reactivateClient(input: { actor: ActorRef; clientId: string; now: Date }): Promise<Result<ClientDoc, ActorRefusal | "not-found">> {
  return setStatus({ ...input, status: "active", reason: null });
}

async function setStatus(input: {
  actor: ActorRef;
  clientId: string;
  status: "lost" | "active";
  reason: string | null;
  now: Date;
}): Promise<Result<ClientDoc, ActorRefusal | "not-found">> {
  const viewer = await clientViewer(input.actor);
  if (!viewer.ok) return viewer;
  const filter = visibleClientFilter(viewer.value, input.clientId);
  if (!filter) return fail("not-found");
  const from = input.status === "lost" ? "active" : "lost";
  const set =
    input.status === "lost"
      ? { status: "lost", lostReason: input.reason, lostAt: input.now }
      : { status: "active", lostReason: null, lostAt: null };
  const after = await Client.findOneAndUpdate({ ...filter, status: from }, { $set: set }, { returnDocument: "after" }).lean();
  if (!after) return fail("not-found");
  const { rotation } = await loadTeamFacts(viewer.value.teamId);
  const rotationDueAt = storedRotationDueAt(after, rotation);
  await Client.updateOne({ _id: after._id }, { $set: { rotationDueAt } });
  await ClientEvent.create({
    teamId: after.teamId,
    clientId: after._id,
    kind: input.status === "lost" ? "lost" : "reactivated",
    at: input.now,
    actorId: viewer.value.memberId,
    text: input.reason,
  });
  return ok({ ...after, rotationDueAt });
}

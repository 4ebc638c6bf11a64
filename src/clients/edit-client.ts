import type { CountryCode } from "libphonenumber-js";
import { storedRotationDueAt } from "../rotation/from-documents.js";
import { parseEmail } from "../shared/parse/email.js";
import { normalizePhone } from "../shared/parse/phone.js";
import { fail, ok, type Result } from "../shared/result.js";
import type { RotationSettings } from "../teams/team-settings.js";
import { ClientEvent } from "./client-event.model.js";
import { Client, type ClientDoc } from "./client.model.js";
import { nameKey } from "./name-key.js";
import { visibleClientFilter, type Viewer } from "./viewer.js";

export const EDITABLE_FIELDS = ["name", "phone", "email", "contactPerson", "source", "notes", "kind", "keyAccount", "pinned"] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

export type EditError = "not-found" | "directors-only" | "client-name-length" | "text-too-long" | "phone-invalid" | "email-invalid";

/** Free-text fields: one line of up to 200 characters (notes: 2000). */
function parseText(raw: string, max: number): Result<string, "text-too-long"> {
  const text = raw.trim();
  return text.length > max ? fail("text-too-long") : ok(text);
}

export function parseClientName(raw: string): Result<string, "client-name-length"> {
  const name = raw.trim().replace(/\s+/g, " ");
  return name.length < 2 || name.length > 120 ? fail("client-name-length") : ok(name);
}

/** What the stored fields become for one edit; null values clear optional fields. */
export function parseFieldValue(
  field: EditableField,
  raw: string,
  country: CountryCode | undefined,
): Result<Partial<ClientDoc>, Exclude<EditError, "not-found" | "directors-only">> {
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
    case "kind":
      return ok({ kind: raw === "b2c" ? "b2c" : "b2b" });
    case "keyAccount":
    case "pinned":
      return ok({ [field]: raw === "true" });
  }
}

/**
 * Changes one field of a client the viewer may see and logs the change in
 * the client's history. Pinning (exempting from rotation) is for directors.
 */
export async function editClient(input: {
  viewer: Viewer;
  clientId: string;
  field: EditableField;
  raw: string;
  country: CountryCode | undefined;
  rotation: RotationSettings;
  now: Date;
}): Promise<Result<ClientDoc, EditError>> {
  if (input.field === "pinned" && input.viewer.role !== "director") return fail("directors-only");
  const filter = visibleClientFilter(input.viewer, input.clientId);
  if (!filter) return fail("not-found");
  const change = parseFieldValue(input.field, input.raw, input.country);
  if (!change.ok) return change;
  const before = await Client.findOneAndUpdate(filter, { $set: { ...change.value, lastActivityAt: input.now } }, { returnDocument: "before" }).lean();
  if (!before) return fail("not-found");
  const after = { ...before, ...change.value } as ClientDoc;
  const rotationDueAt = storedRotationDueAt(after, input.rotation);
  if (rotationDueAt.getTime() !== before.rotationDueAt?.getTime()) {
    await Client.updateOne({ _id: before._id }, { $set: { rotationDueAt } });
  }
  const shown = (doc: ClientDoc) => (input.field === "phone" ? doc.phones.join(", ") : String(doc[input.field] ?? ""));
  await ClientEvent.create({
    teamId: before.teamId,
    clientId: before._id,
    kind: "edited",
    at: input.now,
    actorId: input.viewer.memberId,
    data: { field: input.field, from: shown(before), to: shown(after) },
  });
  return ok({ ...after, rotationDueAt });
}

/** Marks a client lost (with the reason) or active again; rotation stops or resumes accordingly. */
export async function setClientStatus(input: {
  viewer: Viewer;
  clientId: string;
  status: "lost" | "active";
  reason: string | null;
  rotation: RotationSettings;
  now: Date;
}): Promise<Result<ClientDoc, "not-found">> {
  const filter = visibleClientFilter(input.viewer, input.clientId);
  if (!filter) return fail("not-found");
  const from = input.status === "lost" ? "active" : "lost";
  const set =
    input.status === "lost"
      ? { status: "lost", lostReason: input.reason, lostAt: input.now }
      : { status: "active", lostReason: null, lostAt: null };
  const after = await Client.findOneAndUpdate({ ...filter, status: from }, { $set: set }, { returnDocument: "after" }).lean();
  if (!after) return fail("not-found");
  const rotationDueAt = storedRotationDueAt(after, input.rotation);
  await Client.updateOne({ _id: after._id }, { $set: { rotationDueAt } });
  await ClientEvent.create({
    teamId: after.teamId,
    clientId: after._id,
    kind: input.status === "lost" ? "lost" : "reactivated",
    at: input.now,
    actorId: input.viewer.memberId,
    text: input.reason,
  });
  return ok({ ...after, rotationDueAt });
}

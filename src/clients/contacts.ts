import type { Types } from "mongoose";
import { fail, ok, type Result } from "../shared/result.js";
import { ClientEvent, type ClientEventDoc, type ContactKind } from "./client-event.model.js";
import { Client } from "./client.model.js";
import { visibleClientFilter, type Viewer } from "./viewer.js";

/**
 * Logs a call, meeting, message, email or note on a client the viewer may
 * see. The entry's id is chosen by the caller once, so logging it twice
 * writes it once. A follow-up time makes the entry "scheduled"; the reminder
 * job flips it to "sent".
 */
export async function logContact(input: {
  id: Types.ObjectId;
  viewer: Viewer;
  clientId: string;
  kind: ContactKind;
  text: string;
  followUpAt: Date | null;
  now: Date;
}): Promise<Result<ClientEventDoc, "not-found">> {
  const filter = visibleClientFilter(input.viewer, input.clientId);
  const client = filter
    ? await Client.findOneAndUpdate(filter, { $max: { lastActivityAt: input.now } }, { returnDocument: "after", projection: { _id: 1, teamId: 1 } }).lean()
    : null;
  if (!client) return fail("not-found");
  const entry: ClientEventDoc = {
    _id: input.id,
    teamId: client.teamId,
    clientId: client._id,
    kind: input.kind,
    at: input.now,
    actorId: input.viewer.memberId,
    text: input.text,
    followUpAt: input.followUpAt,
    followUpState: input.followUpAt ? "scheduled" : null,
  };
  await ClientEvent.updateOne({ _id: entry._id }, { $setOnInsert: entry }, { upsert: true });
  return ok(entry);
}

/** A follow-up that is still due: claimed once by the reminder job (so two workers send one reminder). */
export async function claimFollowUp(eventId: Types.ObjectId, dueAt: Date): Promise<ClientEventDoc | null> {
  return ClientEvent.findOneAndUpdate(
    { _id: eventId, followUpState: "scheduled", followUpAt: dueAt },
    { $set: { followUpState: "sent" } },
    { returnDocument: "after" },
  ).lean();
}

/** Moves a follow-up to a new time (snooze); only its author may. */
export async function rescheduleFollowUp(eventId: Types.ObjectId, authorId: Types.ObjectId, at: Date): Promise<ClientEventDoc | null> {
  return ClientEvent.findOneAndUpdate(
    { _id: eventId, actorId: authorId, followUpState: { $in: ["scheduled", "sent"] } },
    { $set: { followUpAt: at, followUpState: "scheduled" } },
    { returnDocument: "after" },
  ).lean();
}

export async function completeFollowUp(eventId: Types.ObjectId, authorId: Types.ObjectId): Promise<ClientEventDoc | null> {
  return ClientEvent.findOneAndUpdate(
    { _id: eventId, actorId: authorId, followUpState: { $in: ["scheduled", "sent"] } },
    { $set: { followUpState: "done" } },
    { returnDocument: "after" },
  ).lean();
}

import { Types, type QueryFilter } from "mongoose";
import type { JobQueue } from "../queue/job-queue.js";
import { parseFollowUp } from "../shared/parse/follow-up.js";
import { fail, ok, type Result } from "../shared/result.js";
import { checkActor } from "../teams/actor.js";
import { loadTeamFacts } from "../teams/team-facts.js";
import { clientViewer, CLIENT_ROLES, type ActorRef, type ActorRefusal } from "./access.js";
import { ClientEvent, CONTACT_KINDS, type ClientEventRecord, type ContactEvent, type ContactKind } from "./client-event.model.js";
import { Client } from "./client.model.js";
import { visibleClientFilter } from "./viewer.js";

/**
 * Contacts and their follow-ups: logging a call (or meeting, message, email,
 * note) with an optional reminder, and what the reminder's buttons do.
 */

export { CONTACT_KINDS, type ContactKind };

const HOUR_MS = 3600 * 1000;

/** Publishes (or moves) the reminder job of a follow-up: one job per contact, keyed by the contact. */
function scheduleReminder(jobs: JobQueue, eventId: Types.ObjectId, at: Date): Promise<void> {
  return jobs.schedule("contact.follow-up", at, { eventId: String(eventId), dueAt: at.toISOString() });
}

/**
 * Logs a contact on a client the actor may see. The entry's id is chosen by
 * the caller once (`newEntryId`), so logging it twice writes it once. A
 * follow-up time makes the entry "scheduled" and publishes its reminder.
 */
export async function logContact(input: {
  actor: ActorRef;
  id: string;
  clientId: string;
  kind: ContactKind;
  text: string;
  followUpAt: Date | null;
  now: Date;
  jobs: JobQueue;
}): Promise<Result<ContactEvent, ActorRefusal | "not-found" | "text-too-long" | "follow-up-past">> {
  const viewer = await clientViewer(input.actor);
  if (!viewer.ok) return viewer;
  if (!CONTACT_KINDS.includes(input.kind)) return fail("not-found");
  const text = input.text.trim();
  if (text.length === 0 || text.length > 3000) return fail("text-too-long");
  if (input.followUpAt && input.followUpAt.getTime() <= input.now.getTime()) return fail("follow-up-past");

  const filter = visibleClientFilter(viewer.value, input.clientId);
  const client = filter
    ? await Client.findOneAndUpdate(filter, { $max: { lastActivityAt: input.now } }, { returnDocument: "after", projection: { _id: 1, teamId: 1 } }).lean()
    : null;
  if (!client) return fail("not-found");
  const entry: ContactEvent = {
    _id: new Types.ObjectId(input.id),
    teamId: client.teamId,
    clientId: client._id,
    kind: input.kind,
    at: input.now,
    actorId: viewer.value.memberId,
    text,
    followUpAt: input.followUpAt,
    followUpState: input.followUpAt ? "scheduled" : null,
  };
  await ClientEvent.updateOne({ _id: entry._id }, { $setOnInsert: entry }, { upsert: true });
  if (entry.followUpAt) await scheduleReminder(input.jobs, entry._id, entry.followUpAt);
  return ok(entry);
}

type FollowUpError = ActorRefusal | "gone";

/** The author's open follow-up (scheduled or reminded), in the author's team. */
function openFollowUp(eventId: string, viewer: { teamId: Types.ObjectId; memberId: Types.ObjectId }): QueryFilter<ClientEventRecord> {
  return {
    _id: new Types.ObjectId(eventId),
    teamId: viewer.teamId,
    actorId: viewer.memberId,
    followUpState: { $in: ["scheduled", "sent"] },
  };
}

/** "Done": the follow-up is closed; the caller goes on to log what happened. Only its author may. */
export async function completeFollowUp(input: { actor: ActorRef; eventId: string }): Promise<Result<{ clientId: string }, FollowUpError>> {
  const viewer = await clientViewer(input.actor);
  if (!viewer.ok) return viewer;
  if (!Types.ObjectId.isValid(input.eventId)) return fail("gone");
  const entry = await ClientEvent.findOneAndUpdate(openFollowUp(input.eventId, viewer.value), { $set: { followUpState: "done" } }, { returnDocument: "after" }).lean();
  return entry ? ok({ clientId: String(entry.clientId) }) : fail("gone");
}

export const SNOOZES = ["hour", "tomorrow"] as const;
export type Snooze = (typeof SNOOZES)[number];

/**
 * When a snoozed reminder comes back: in an hour, or tomorrow by the
 * follow-up parser's rule for a day without a time (its default hour, in the
 * team's timezone), the same rule as typing "tomorrow" when logging a contact.
 */
export function snoozedUntil(snooze: Snooze, now: Date, timezone: string): Date {
  if (snooze === "hour") return new Date(now.getTime() + HOUR_MS);
  const tomorrow = parseFollowUp("tomorrow", { now, timezone });
  if (!tomorrow.ok) throw new Error(`"tomorrow" must parse: ${tomorrow.error}`);
  return tomorrow.value;
}

/** Moves the follow-up (only its author may) and its reminder job. */
export async function snoozeFollowUp(input: {
  actor: ActorRef;
  eventId: string;
  snooze: Snooze;
  now: Date;
  jobs: JobQueue;
}): Promise<Result<{ at: Date; clientId: string }, FollowUpError>> {
  const viewer = await clientViewer(input.actor);
  if (!viewer.ok) return viewer;
  if (!Types.ObjectId.isValid(input.eventId)) return fail("gone");
  const { timezone } = await loadTeamFacts(viewer.value.teamId);
  const at = snoozedUntil(input.snooze, input.now, timezone);
  const entry = await ClientEvent.findOneAndUpdate(
    openFollowUp(input.eventId, viewer.value),
    { $set: { followUpAt: at, followUpState: "scheduled" } },
    { returnDocument: "after" },
  ).lean();
  if (!entry) return fail("gone");
  await scheduleReminder(input.jobs, entry._id, at);
  return ok({ at, clientId: String(entry.clientId) });
}

/** What a due reminder says and to whom. */
export interface DueReminder {
  eventId: string;
  teamId: string;
  clientId: string;
  clientName: string;
  kind: ContactKind;
  text: string;
  /** The author's Telegram chat. */
  telegramId: number;
}

/**
 * The clock's side of a follow-up: the reminder due at `dueAt`, if it is
 * still wanted. It is marked "sent" (the card stops showing it as pending);
 * asking again for the same `dueAt` returns it again, so a reminder whose
 * delivery was deferred is sent by the job's retry (the outbound record makes
 * it one message). A snooze or "done" since, an author who is no longer an
 * active member of the team, or a client that moved to someone else: nothing.
 */
export async function dueFollowUpReminder(input: { eventId: string; dueAt: Date }): Promise<DueReminder | null> {
  if (!Types.ObjectId.isValid(input.eventId)) return null;
  const entry = (await ClientEvent.findOneAndUpdate(
    { _id: new Types.ObjectId(input.eventId), followUpAt: input.dueAt, followUpState: { $in: ["scheduled", "sent"] } },
    { $set: { followUpState: "sent" } },
    { returnDocument: "after" },
  ).lean()) as ContactEvent | null;
  if (!entry?.actorId) return null;
  const [author, client] = await Promise.all([
    checkActor({ teamId: entry.teamId, memberId: entry.actorId }, CLIENT_ROLES),
    Client.findOne({ _id: entry.clientId, teamId: entry.teamId }, { name: 1, ownerId: 1 }).lean(),
  ]);
  if (!author.ok || !client || !client.ownerId?.equals(entry.actorId)) return null;
  return {
    eventId: String(entry._id),
    teamId: String(entry.teamId),
    clientId: String(client._id),
    clientName: client.name,
    kind: entry.kind,
    text: entry.text ?? "",
    telegramId: author.value.telegramId,
  };
}

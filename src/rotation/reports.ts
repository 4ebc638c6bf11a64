import { Types } from "mongoose";
import { Client } from "../clients/client.model.js";
import type { Language } from "../config.js";
import { fail, ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../teams/actor.js";
import { Member } from "../teams/member.model.js";
import { Team } from "../teams/team.model.js";
import { languagesOf } from "../users/users.js";
import { overdueKey, reminderKey } from "./run-ids.js";
import { REPORT_OUTCOMES, Rotation, type ReportOutcome } from "./rotation.model.js";

export { REPORT_OUTCOMES, type ReportOutcome };

/**
 * The processing report a new owner files for a client they received:
 * outcome and comment, once, and only by that owner while they still hold
 * it. Reminders the day before and on the due day; the directors are warned
 * once when it is overdue. Every query is within the actor's (or the
 * handover's) team.
 */

/** Who may file reports: whoever can hold clients. */
const REPORTERS = ["manager", "director"] as const;
export const REPORT_COMMENT_MAX = 2000;

export interface ReportToFile {
  rotationId: string;
  clientId: string;
  clientName: string;
}

async function pendingReportOn(teamId: Types.ObjectId, memberId: Types.ObjectId, clientId: string): Promise<ReportToFile | null> {
  if (!Types.ObjectId.isValid(clientId)) return null;
  const client = await Client.findOne({ _id: new Types.ObjectId(clientId), teamId, ownerId: memberId }, { name: 1 }).lean();
  if (!client) return null;
  const rotation = await Rotation.findOne({ teamId, clientId: client._id, toId: memberId, report: null }, { _id: 1 }).sort({ at: -1 }).lean();
  return rotation ? { rotationId: rotation._id, clientId: String(client._id), clientName: client.name } : null;
}

/** The report the actor owes on a client they hold (its newest handover), e.g. from a notice's button. */
export async function reportToFile(input: { actor: ActorRef; clientId: string }): Promise<Result<ReportToFile, ActorRefusal | "none-pending">> {
  const checked = await checkActor(input.actor, REPORTERS);
  if (!checked.ok) return checked;
  const pending = await pendingReportOn(checked.value.teamId, checked.value._id, input.clientId);
  return pending ? ok(pending) : fail("none-pending");
}

/**
 * Files the report: the actor must still be an active member, still hold the
 * client, and the report must still be open (a second tap files nothing).
 */
export async function fileReport(input: {
  actor: ActorRef;
  rotationId: string;
  outcome: ReportOutcome;
  comment: string;
  now: Date;
}): Promise<Result<{ clientId: string }, ActorRefusal | "none-pending" | "invalid">> {
  const checked = await checkActor(input.actor, REPORTERS);
  if (!checked.ok) return checked;
  const comment = input.comment.trim();
  if (!REPORT_OUTCOMES.includes(input.outcome) || comment.length === 0 || comment.length > REPORT_COMMENT_MAX) return fail("invalid");
  const { teamId, _id: memberId } = checked.value;
  const rotation = await Rotation.findOne({ _id: input.rotationId, teamId, toId: memberId, report: null }, { clientId: 1 }).lean();
  if (!rotation || !(await Client.exists({ _id: rotation.clientId, teamId, ownerId: memberId }))) return fail("none-pending");
  const saved = await Rotation.updateOne(
    { _id: rotation._id, teamId, toId: memberId, report: null },
    { $set: { report: { outcome: input.outcome, comment, at: input.now } } },
  );
  return saved.modifiedCount === 1 ? ok({ clientId: String(rotation.clientId) }) : fail("none-pending");
}

export interface PendingReport {
  clientId: string;
  clientName: string;
  dueAt: Date;
}

/** At most this many open reports are listed (far more than anyone has; the list is paged). */
const PENDING_MAX = 1000;

/** The actor's open reports on clients they still hold, soonest due first (/reports). */
export async function pendingReports(input: { actor: ActorRef }): Promise<Result<PendingReport[], ActorRefusal>> {
  const checked = await checkActor(input.actor, REPORTERS);
  if (!checked.ok) return checked;
  const { teamId, _id: memberId } = checked.value;
  const rotations = await Rotation.find({ teamId, toId: memberId, report: null }, { clientId: 1, dueAt: 1 }).sort({ dueAt: 1 }).limit(PENDING_MAX).lean();
  const clients = await Client.find({ teamId, ownerId: memberId, _id: { $in: rotations.map((r) => r.clientId) } }, { name: 1 }).lean();
  const names = new Map(clients.map((c) => [String(c._id), c.name]));
  const seen = new Set<string>();
  const pending: PendingReport[] = [];
  for (const r of rotations) {
    const id = String(r.clientId);
    // A client handed to the same manager twice owes one report: the list shows it once.
    if (!names.has(id) || seen.has(id)) continue;
    seen.add(id);
    pending.push({ clientId: id, clientName: names.get(id)!, dueAt: r.dueAt });
  }
  return ok(pending);
}

export type ReminderKind = "before" | "on-day" | "overdue";

/** One reminder (or overdue warning) to send now, with its recipients. */
export interface ReportReminder {
  rotationId: string;
  kind: ReminderKind;
  teamId: Types.ObjectId;
  timezone: string;
  clientId: string;
  clientName: string;
  managerName: string;
  dueAt: Date;
  /** The new owner (reminders) or the team's active directors (overdue), each with the message's key. */
  recipients: { key: string; telegramId: number; language: Language }[];
}

const DONE_FIELD: Record<ReminderKind, "remindedBeforeAt" | "remindedOnDayAt" | "escalatedAt"> = {
  before: "remindedBeforeAt",
  "on-day": "remindedOnDayAt",
  overdue: "escalatedAt",
};
const DUE_FIELD: Record<ReminderKind, "remindBeforeAt" | "remindOnDayAt" | "dueAt"> = {
  before: "remindBeforeAt",
  "on-day": "remindOnDayAt",
  overdue: "dueAt",
};

/**
 * Reminders and overdue warnings due at `now` that were not sent yet. A
 * reminder that is already late when first seen (the deadline passed too) is
 * not sent: only the overdue warning is; such entries are filtered in the
 * query so they cannot crowd newer ones out of the limit. One whose client
 * moved on since (another run, a deactivation) is marked done and dropped.
 *
 * Nothing is claimed here: the caller sends each recipient's message under its
 * key (sent once, whoever sends it) and then marks the reminder done, so a
 * worker that dies in between leaves it due and the next sweep finishes it.
 */
export async function dueReportReminders(now: Date, fallbackLanguage: Language, limit = 500): Promise<ReportReminder[]> {
  const found: { kind: ReminderKind; rotation: { _id: string; teamId: Types.ObjectId; clientId: Types.ObjectId; toId: Types.ObjectId; dueAt: Date } }[] = [];
  for (const kind of ["overdue", "on-day", "before"] as const) {
    const late = kind === "overdue" ? {} : { dueAt: { $gt: now } };
    const due = await Rotation.find(
      { report: null, [DONE_FIELD[kind]]: null, [DUE_FIELD[kind]]: { $lte: now }, ...late },
      { teamId: 1, clientId: 1, toId: 1, dueAt: 1 },
    )
      .limit(limit)
      .lean();
    for (const rotation of due) found.push({ kind, rotation });
  }
  if (found.length === 0) return [];

  const teamIds = [...new Set(found.map((f) => String(f.rotation.teamId)))].map((id) => new Types.ObjectId(id));
  const [clients, owners, teams, directors] = await Promise.all([
    Client.find({ _id: { $in: found.map((f) => f.rotation.clientId) } }, { name: 1, ownerId: 1, teamId: 1 }).lean(),
    Member.find({ _id: { $in: found.map((f) => f.rotation.toId) } }, { name: 1, telegramId: 1, active: 1, teamId: 1 }).lean(),
    Team.find({ _id: { $in: teamIds } }, { timezone: 1, language: 1 }).lean(),
    Member.find({ teamId: { $in: teamIds }, role: "director", active: true }, { teamId: 1, telegramId: 1 }).lean(),
  ]);
  const clientById = new Map(clients.map((c) => [String(c._id), c]));
  const ownerById = new Map(owners.map((m) => [String(m._id), m]));
  const teamById = new Map(teams.map((t) => [String(t._id), t]));
  const languages = await languagesOf([...owners.map((m) => m.telegramId), ...directors.map((d) => d.telegramId)], fallbackLanguage);

  const reminders: ReportReminder[] = [];
  for (const { kind, rotation } of found) {
    const client = clientById.get(String(rotation.clientId));
    const owner = ownerById.get(String(rotation.toId));
    const team = teamById.get(String(rotation.teamId));
    const stillTheirs =
      client && owner?.active && team && client.teamId.equals(rotation.teamId) && owner.teamId.equals(rotation.teamId) && client.ownerId?.equals(rotation.toId);
    const to = !stillTheirs
      ? []
      : kind === "overdue"
        ? directors.filter((d) => d.teamId.equals(rotation.teamId)).map((d) => ({ key: overdueKey(rotation._id, d.telegramId), telegramId: d.telegramId }))
        : [{ key: reminderKey(rotation._id, kind), telegramId: owner.telegramId }];
    if (!stillTheirs || to.length === 0) {
      // Nothing to remind about (or nobody to tell): done, so it is not found again.
      await markReminderDone(rotation._id, kind, now);
      continue;
    }
    reminders.push({
      rotationId: rotation._id,
      kind,
      teamId: rotation.teamId,
      timezone: team.timezone,
      clientId: String(rotation.clientId),
      clientName: client.name,
      managerName: owner.name,
      dueAt: rotation.dueAt,
      recipients: to.map((r) => ({ ...r, language: languages.get(r.telegramId) ?? team.language })),
    });
  }
  return reminders;
}

/** The reminder went out (or needs not): it is not found again. */
export async function markReminderDone(rotationId: string, kind: ReminderKind, now: Date): Promise<void> {
  await Rotation.updateOne({ _id: rotationId, [DONE_FIELD[kind]]: null }, { $set: { [DONE_FIELD[kind]]: now } });
}

import { Types } from "mongoose";
import { Client } from "../clients/client.model.js";
import { Member } from "../teams/member.model.js";
import { Rotation, type ReportOutcome, type RotationDoc } from "./rotation.model.js";

/**
 * The processing report a new owner files for a client they received:
 * outcome and comment, once, and only by that owner while they still hold it.
 */

export async function findPendingReport(memberId: Types.ObjectId, clientId: string): Promise<(RotationDoc & { clientName: string }) | null> {
  if (!/^[0-9a-f]{24}$/i.test(clientId)) return null;
  const client = await Client.findOne({ _id: new Types.ObjectId(clientId), ownerId: memberId }, { name: 1 }).lean();
  if (!client) return null;
  const rotation = await Rotation.findOne({ clientId: client._id, toId: memberId, report: null }).sort({ at: -1 }).lean();
  return rotation ? { ...rotation, clientName: client.name } : null;
}

export async function fileReport(input: {
  rotationId: string;
  memberId: Types.ObjectId;
  outcome: ReportOutcome;
  comment: string;
  now: Date;
}): Promise<boolean> {
  const result = await Rotation.updateOne(
    { _id: input.rotationId, toId: input.memberId, report: null },
    { $set: { report: { outcome: input.outcome, comment: input.comment, at: input.now } } },
  );
  return result.modifiedCount === 1;
}

export type ReminderKind = "before" | "on-day" | "overdue";

export interface DueReminder {
  kind: ReminderKind;
  rotation: RotationDoc;
}

const CLAIM_FIELD: Record<ReminderKind, "remindedBeforeAt" | "remindedOnDayAt" | "escalatedAt"> = {
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
 * Reports whose reminder (or, past the deadline, the director's warning) is
 * due, each claimed with a conditional update so it goes out once however
 * many workers sweep. A reminder that is already late when first seen (the
 * deadline passed too) is not sent: only the overdue warning is.
 */
export async function claimDueReminders(now: Date, limit = 500): Promise<DueReminder[]> {
  const claimed: DueReminder[] = [];
  for (const kind of ["overdue", "on-day", "before"] as const) {
    // A reminder whose deadline already passed is never sent (only the overdue warning is), and
    // it is filtered in the query so such entries cannot crowd newer ones out of the limit.
    const late = kind === "overdue" ? {} : { dueAt: { $gt: now } };
    const due = await Rotation.find({ report: null, [CLAIM_FIELD[kind]]: null, [DUE_FIELD[kind]]: { $lte: now }, ...late }).limit(limit).lean();
    for (const rotation of due) {
      const r = await Rotation.updateOne({ _id: rotation._id, report: null, [CLAIM_FIELD[kind]]: null }, { $set: { [CLAIM_FIELD[kind]]: now } });
      if (r.modifiedCount === 1) claimed.push({ kind, rotation });
    }
  }
  return claimed;
}

/** A manager's reports still to file, for the "/reports" list. */
export async function pendingReports(memberId: Types.ObjectId): Promise<(RotationDoc & { clientName: string })[]> {
  const rotations = await Rotation.find({ toId: memberId, report: null }).sort({ dueAt: 1 }).limit(30).lean();
  const clients = await Client.find({ _id: { $in: rotations.map((r) => r.clientId) }, ownerId: memberId }, { name: 1 }).lean();
  const names = new Map(clients.map((c) => [String(c._id), c.name]));
  return rotations.filter((r) => names.has(String(r.clientId))).map((r) => ({ ...r, clientName: names.get(String(r.clientId))! }));
}

/** Names and chat ids for a batch of reminders: one query each for clients and members. */
export async function reminderContext(reminders: DueReminder[]) {
  const clients = await Client.find({ _id: { $in: reminders.map((r) => r.rotation.clientId) } }, { name: 1, ownerId: 1 }).lean();
  const members = await Member.find({ _id: { $in: reminders.map((r) => r.rotation.toId) } }, { name: 1, telegramId: 1, active: 1, teamId: 1 }).lean();
  return { clients: new Map(clients.map((c) => [String(c._id), c])), members: new Map(members.map((m) => [String(m._id), m])) };
}

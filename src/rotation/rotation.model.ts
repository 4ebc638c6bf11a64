import { Schema, model, type Types } from "mongoose";

export const REPORT_OUTCOMES = ["reached-interested", "reached-not-interested", "unreachable", "wrong-contact", "deal-in-progress"] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

/**
 * A client handed to a new owner by a run, and the processing report the new
 * owner owes by `dueAt`. `_id` is `<runId>:<clientId>`: written once per run.
 */
export interface RotationDoc {
  _id: string;
  teamId: Types.ObjectId;
  runId: string;
  clientId: Types.ObjectId;
  fromId: Types.ObjectId | null;
  toId: Types.ObjectId;
  reason: string;
  at: Date;
  dueAt: Date;
  /** Reminders: the day before and on the due day (09:00 team time); claimed when sent. */
  remindBeforeAt: Date;
  remindOnDayAt: Date;
  remindedBeforeAt?: Date | null;
  remindedOnDayAt?: Date | null;
  /** The director was told the report is overdue (once). */
  escalatedAt?: Date | null;
  report?: { outcome: ReportOutcome; comment: string; at: Date } | null;
}

const rotationSchema = new Schema<RotationDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: Schema.Types.ObjectId, required: true },
    runId: { type: String, required: true },
    clientId: { type: Schema.Types.ObjectId, required: true },
    fromId: { type: Schema.Types.ObjectId, default: null },
    toId: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
    dueAt: { type: Date, required: true },
    remindBeforeAt: { type: Date, required: true },
    remindOnDayAt: { type: Date, required: true },
    remindedBeforeAt: { type: Date, default: null },
    remindedOnDayAt: { type: Date, default: null },
    escalatedAt: { type: Date, default: null },
    report: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false },
);
// Pending reports of a manager (card button, /reports) and the reminder sweeps.
rotationSchema.index({ toId: 1, report: 1, dueAt: 1 });
rotationSchema.index({ report: 1, remindBeforeAt: 1 });
rotationSchema.index({ report: 1, dueAt: 1 });
rotationSchema.index({ runId: 1 });

export const Rotation = model<RotationDoc>("Rotation", rotationSchema);

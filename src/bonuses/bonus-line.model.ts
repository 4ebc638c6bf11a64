import { Schema, model, type Types } from "mongoose";
import type { BonusKind, BonusStatus } from "./calculator.js";

export const BONUS_KINDS = ["base", "uplift", "acquisition"] as const;
export const BONUS_STATUSES = ["payable", "held", "released", "forfeited"] as const;

/**
 * One bonus line of a deal. `_id` is `<dealId>:<kind>`, so accruing a deal
 * twice (a redelivered event, a crashed worker) writes each line once.
 */
export interface BonusLineDoc {
  _id: string;
  teamId: Types.ObjectId;
  managerId: Types.ObjectId;
  clientId: Types.ObjectId;
  dealId: Types.ObjectId;
  kind: BonusKind;
  rateBp: number | null;
  amountMinor: number;
  status: BonusStatus;
  /** "YYYY-MM", team time: the statement the line belongs to (for uplift, the month its holdback ends). */
  payableMonth: string;
  releaseAt: Date | null;
  dealAt: Date;
  /** Why a held uplift was released or forfeited ("retained", "client-lost", "no-repeat-deal"). */
  reason: string | null;
  resolvedAt: Date | null;
  /** The holdback sweep that resolved the line: its notice is keyed by sweep and manager. */
  resolvedBy: string | null;
  /** Resolved by a sweep, and the manager not told yet. */
  noticePending?: boolean;
  /** The deal was deleted: the line no longer counts anywhere. */
  voidedAt: Date | null;
  createdAt: Date;
}

const bonusLineSchema = new Schema<BonusLineDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: Schema.Types.ObjectId, required: true },
    managerId: { type: Schema.Types.ObjectId, required: true },
    clientId: { type: Schema.Types.ObjectId, required: true },
    dealId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: BONUS_KINDS },
    rateBp: { type: Number, default: null },
    amountMinor: { type: Number, required: true, min: 0 },
    status: { type: String, required: true, enum: BONUS_STATUSES },
    payableMonth: { type: String, required: true },
    releaseAt: { type: Date, default: null },
    dealAt: { type: Date, required: true },
    reason: { type: String, default: null },
    resolvedAt: { type: Date, default: null },
    resolvedBy: { type: String, default: null },
    noticePending: { type: Boolean, default: false },
    voidedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Statements and /bonus: the team's lines of a month, and a manager's in date order.
bonusLineSchema.index({ teamId: 1, payableMonth: 1, managerId: 1, dealAt: 1 });
// What is still held, per manager, and the holdback sweep.
bonusLineSchema.index({ teamId: 1, managerId: 1, status: 1 });
bonusLineSchema.index({ status: 1, releaseAt: 1 });
bonusLineSchema.index({ dealId: 1 });
// Holdback notices still to send.
bonusLineSchema.index({ noticePending: 1, resolvedBy: 1, managerId: 1 });

export const BonusLine = model<BonusLineDoc>("BonusLine", bonusLineSchema);

/** Before/after of a deal's lines whenever an edit or deletion recomputed them. */
export interface BonusAuditDoc {
  _id: Types.ObjectId;
  /** `<dealId>:<revision>`: one entry per deal revision taken in, however often it is processed. */
  key?: string;
  teamId: Types.ObjectId;
  dealId: Types.ObjectId;
  action: "deal-edited" | "deal-deleted";
  actorId: Types.ObjectId;
  at: Date;
  before: { kind: string; amountMinor: number; status: string }[];
  after: { kind: string; amountMinor: number; status: string }[];
  change: Record<string, unknown>;
}

const auditSchema = new Schema<BonusAuditDoc>(
  {
    key: { type: String },
    teamId: { type: Schema.Types.ObjectId, required: true },
    dealId: { type: Schema.Types.ObjectId, required: true },
    action: { type: String, required: true },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    before: { type: Schema.Types.Mixed, default: [] },
    after: { type: Schema.Types.Mixed, default: [] },
    change: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false },
);
auditSchema.index({ teamId: 1, dealId: 1, at: -1 });
auditSchema.index({ key: 1 }, { unique: true, sparse: true });

export const BonusAudit = model<BonusAuditDoc>("BonusAudit", auditSchema);

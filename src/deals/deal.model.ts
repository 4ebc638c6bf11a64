import { Schema, model, type Types } from "mongoose";
import type { BonusPlan } from "../teams/team-settings.js";

/** One change to a recorded deal: who made it, when, and what changed. */
export interface DealChange {
  /** The deal's revision this change produced (the recorded deal is revision 1). */
  revision: number;
  action: "corrected" | "deleted";
  actorId: Types.ObjectId;
  at: Date;
  /** Corrections: `{ from: { amountMinor, profitMinor }, to: { … } }`; deletions: `{ amountMinor }`. */
  change: Record<string, unknown>;
}

/**
 * A sale or shipment. `_id` is chosen before the deal is written (once per
 * "log a deal" conversation), so writing it again is a no-op: a repeated
 * update never makes a second deal.
 *
 * Every change (correction, deletion) raises `revision` and is published as
 * a job; whoever consumes deal events (the bonus engine) brings its own state
 * up to the deal's revision and records it in `accruedRevision`. A deal whose
 * latest revision is not consumed yet has `accruedAt: null`, so a lost event
 * is found by a sweep.
 */
export interface DealDoc {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  clientId: Types.ObjectId;
  /** The owner when the deal was closed: the bonus goes to them. */
  managerId: Types.ObjectId;
  amountMinor: number;
  profitMinor: number | null;
  currency: string;
  /** Local calendar date in the team's timezone ("YYYY-MM-DD"), and its local midnight as an instant. */
  date: string;
  at: Date;
  note: string | null;
  /** 1 = the client's first deal ever. */
  sequence: number;
  createdAt: Date;
  /** The team's bonus plan when the deal was logged: later plan changes do not touch this deal. */
  bonusPlan: BonusPlan;
  /** 1 when recorded, +1 per correction or deletion. (Absent on deals stored before revisions: read as 1.) */
  revision?: number;
  /** When the deal last changed (recorded, corrected, deleted). */
  changedAt?: Date;
  /** Corrections and the deletion, oldest first. */
  changes?: DealChange[];
  /** When the consumer of deal events caught up with the latest revision (null: not yet). */
  accruedAt: Date | null;
  /** The latest revision the consumer has taken in. (Absent on older deals: 1 when accruedAt is set.) */
  accruedRevision?: number;
  /** The consumer's lease while it works on the deal: one worker at a time per deal. */
  accrualLeaseOwner?: string | null;
  accrualLeaseUntil?: Date | null;
  /** Deleted deals stay for the audit trail but count nowhere. */
  deletedAt: Date | null;
}

const changeSchema = new Schema<DealChange>(
  {
    revision: { type: Number, required: true },
    action: { type: String, required: true, enum: ["corrected", "deleted"] },
    actorId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    change: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false },
);

const dealSchema = new Schema<DealDoc>(
  {
    teamId: { type: Schema.Types.ObjectId, required: true },
    clientId: { type: Schema.Types.ObjectId, required: true },
    managerId: { type: Schema.Types.ObjectId, required: true },
    amountMinor: { type: Number, required: true, min: 1 },
    profitMinor: { type: Number, default: null },
    currency: { type: String, required: true },
    date: { type: String, required: true },
    at: { type: Date, required: true },
    note: { type: String, default: null },
    sequence: { type: Number, required: true, min: 1 },
    createdAt: { type: Date, required: true },
    bonusPlan: { type: Schema.Types.Mixed, required: true },
    revision: { type: Number, default: 1 },
    changedAt: { type: Date },
    changes: { type: [changeSchema], default: [] },
    accruedAt: { type: Date, default: null },
    accruedRevision: { type: Number, default: 0 },
    accrualLeaseOwner: { type: String, default: null },
    accrualLeaseUntil: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

dealSchema.index({ teamId: 1, clientId: 1, at: -1 });
// Revenue by manager and period (digest, statements).
dealSchema.index({ teamId: 1, at: -1, managerId: 1 });
// Deals whose latest change the consumer has not taken in yet (a lost event is picked up by the sweep).
dealSchema.index({ accruedAt: 1, changedAt: 1 });

export const Deal = model<DealDoc>("Deal", dealSchema);

/** The deal's revision (deals stored before revisions existed are revision 1). */
export const revisionOf = (deal: Pick<DealDoc, "revision">): number => deal.revision ?? 1;

/** A filter on the stored revision that also matches deals stored before revisions existed. */
export const revisionFilter = (revision: number): Record<string, unknown> =>
  revision === 1 ? { revision: { $in: [1, null] } } : { revision };

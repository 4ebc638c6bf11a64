import { Schema, model, type Types } from "mongoose";
import type { BonusPlan } from "../teams/team-settings.js";

/**
 * A sale or shipment. `_id` is chosen before the deal is written (once per
 * "log a deal" conversation), so writing it again is a no-op: a repeated
 * update never makes a second deal.
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
  /** When its bonus lines were written (null: the bonus engine has not consumed the deal yet). */
  accruedAt: Date | null;
  /** Deleted deals stay for the audit trail but count nowhere. */
  deletedAt: Date | null;
}

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
    accruedAt: { type: Date, default: null },
    deletedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

dealSchema.index({ teamId: 1, clientId: 1, at: -1 });
// Revenue by manager and period (digest, statements).
dealSchema.index({ teamId: 1, at: -1, managerId: 1 });
// Deals the bonus engine has not consumed yet (a lost event is picked up by the sweep).
dealSchema.index({ accruedAt: 1, createdAt: 1 });

export const Deal = model<DealDoc>("Deal", dealSchema);

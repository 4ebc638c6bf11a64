import { Schema, model, type Types } from "mongoose";

export const CONTACT_KINDS = ["call", "meeting", "message", "email", "note"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const EVENT_KINDS = [...CONTACT_KINDS, "created", "deal", "edited", "owner", "lost", "reactivated"] as const;
export type ClientEventKind = (typeof EVENT_KINDS)[number];
export const FOLLOW_UP_STATES = ["scheduled", "sent", "done"] as const;

/**
 * The client's history, one entry per thing that happened: contacts logged by
 * managers, deals, edits, owner changes. It belongs to the client, so a new
 * owner sees all of it; a card pages through it newest first.
 */
export interface ClientEventDoc {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  clientId: Types.ObjectId;
  kind: ClientEventKind;
  at: Date;
  /** The member who did it; null for the system (rotation, import). */
  actorId: Types.ObjectId | null;
  text?: string | null;
  /** Contacts: when the author wants to be reminded to follow up. */
  followUpAt?: Date | null;
  followUpState?: (typeof FOLLOW_UP_STATES)[number] | null;
  /** Deals: the deal and its amount in minor units, for the timeline line. */
  dealId?: Types.ObjectId | null;
  amountMinor?: number | null;
  /** Edits and owner changes: what changed. */
  data?: Record<string, unknown> | null;
}

const clientEventSchema = new Schema<ClientEventDoc>(
  {
    teamId: { type: Schema.Types.ObjectId, required: true },
    clientId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: EVENT_KINDS },
    at: { type: Date, required: true },
    actorId: { type: Schema.Types.ObjectId, default: null },
    text: { type: String, default: null },
    followUpAt: { type: Date, default: null },
    followUpState: { type: String, enum: [...FOLLOW_UP_STATES, null], default: null },
    dealId: { type: Schema.Types.ObjectId, default: null },
    amountMinor: { type: Number, default: null },
    data: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false },
);

// The card's timeline, newest first.
clientEventSchema.index({ teamId: 1, clientId: 1, at: -1 });
// Per-day activity for digests and exports.
clientEventSchema.index({ teamId: 1, at: -1 });

export const ClientEvent = model<ClientEventDoc>("ClientEvent", clientEventSchema);

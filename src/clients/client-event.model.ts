import { Schema, model, type Types } from "mongoose";
import type { OwnershipReason } from "./client.model.js";

export const CONTACT_KINDS = ["call", "meeting", "message", "email", "note"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const EVENT_KINDS = [...CONTACT_KINDS, "created", "deal", "edited", "owner", "lost", "reactivated"] as const;
export type ClientEventKind = (typeof EVENT_KINDS)[number];
export const FOLLOW_UP_STATES = ["scheduled", "sent", "done"] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/**
 * The client's history, one entry per thing that happened: contacts logged by
 * managers, deals, edits, owner changes. It belongs to the client, so a new
 * owner sees all of it; a card pages through it newest first.
 *
 * `ClientEventDoc` is what a read gets: one shape per `kind`, so a reader
 * switching on the kind sees exactly the fields that kind has.
 */
interface EventBase {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  clientId: Types.ObjectId;
  at: Date;
  /** The member who did it; null for the system (rotation, import). */
  actorId: Types.ObjectId | null;
}

/** A call, meeting, message, email or note; with a follow-up time its author is reminded. */
export interface ContactEvent extends EventBase {
  kind: ContactKind;
  text: string | null;
  followUpAt: Date | null;
  followUpState: FollowUpState | null;
}

export interface CreatedEvent extends EventBase {
  kind: "created";
  /** Clients created by a CSV import name it. */
  data?: { importId: string } | null;
}

export interface DealEvent extends EventBase {
  kind: "deal";
  dealId: Types.ObjectId;
  /** The amount in minor units, for the timeline line. */
  amountMinor: number;
  /** The deal's note. */
  text?: string | null;
}

export interface EditedEvent extends EventBase {
  kind: "edited";
  /** `field` is a client field (src/clients/edit-client.ts) or "deal" for a deal's correction. */
  data: { field: string; from: string; to: string };
}

export interface OwnerEvent extends EventBase {
  kind: "owner";
  data: { fromId: Types.ObjectId | null; toId: Types.ObjectId | null; reason: OwnershipReason };
}

export interface LostEvent extends EventBase {
  kind: "lost";
  /** The reason. */
  text: string | null;
}

export interface ReactivatedEvent extends EventBase {
  kind: "reactivated";
}

export type ClientEventDoc = ContactEvent | CreatedEvent | DealEvent | EditedEvent | OwnerEvent | LostEvent | ReactivatedEvent;

export const isContactEvent = (e: ClientEventDoc): e is ContactEvent => (CONTACT_KINDS as readonly string[]).includes(e.kind);

/**
 * How an entry is stored: every kind's fields in one collection, absent ones
 * null. Writers use the model with this shape; readers cast to `ClientEventDoc`.
 */
export interface ClientEventRecord {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  clientId: Types.ObjectId;
  kind: ClientEventKind;
  at: Date;
  actorId: Types.ObjectId | null;
  text?: string | null;
  followUpAt?: Date | null;
  followUpState?: FollowUpState | null;
  dealId?: Types.ObjectId | null;
  amountMinor?: number | null;
  data?: Record<string, unknown> | null;
}

const clientEventSchema = new Schema<ClientEventRecord>(
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

export const ClientEvent = model<ClientEventRecord>("ClientEvent", clientEventSchema);

import { Schema, model, type Types } from "mongoose";

/**
 * One message Baton sends outside an update (a notice, reminder, statement,
 * digest, export…), keyed by what it is (`rotation.notice:<run>:<member>`), so
 * the same message is never recorded twice. It is `pending` until Telegram
 * accepted every part; a long text goes out as several parts and `partsSent`
 * remembers how far it got, so a retry never resends a part. The record is
 * also the queryable answer to "what was sent to whom, when, and how it went".
 */
export const DELIVERY_STATUSES = ["pending", "sent", "blocked", "undeliverable", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A part that can be sent again from the record alone (texts); photos and files are re-made by their job. */
export interface StoredPart {
  type: "text" | "photo" | "document";
  text: string | null;
  /** Inline keyboard JSON, on the last part only. */
  replyMarkup: string | null;
}

export interface DeliveryDoc {
  _id: string;
  teamId: Types.ObjectId | null;
  chatId: number;
  /** What kind of message, for reports and queries: "rotation.notice", "follow-up.reminder"… */
  kind: string;
  status: DeliveryStatus;
  parts: StoredPart[];
  partsSent: number;
  messageIds: number[];
  attempts: number;
  lastError: string | null;
  /** While a sender holds it, others wait (two workers never send the same part at once). */
  leaseUntil: Date | null;
  leaseOwner: string | null;
  createdAt: Date;
  /** When the final status was reached. */
  doneAt: Date | null;
}

const partSchema = new Schema<StoredPart>(
  { type: { type: String, required: true }, text: { type: String, default: null }, replyMarkup: { type: String, default: null } },
  { _id: false },
);

const deliverySchema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: Schema.Types.ObjectId, default: null },
    chatId: { type: Number, required: true },
    kind: { type: String, required: true },
    status: { type: String, required: true, enum: DELIVERY_STATUSES },
    parts: { type: [partSchema], default: [] },
    partsSent: { type: Number, required: true, default: 0 },
    messageIds: { type: [Number], default: [] },
    attempts: { type: Number, required: true, default: 0 },
    lastError: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
    leaseOwner: { type: String, default: null },
    createdAt: { type: Date, required: true },
    doneAt: { type: Date, default: null },
  },
  { versionKey: false },
);

// "What did this person get, newest first", per team.
deliverySchema.index({ teamId: 1, chatId: 1, createdAt: -1 });
// Pending messages to pick up again.
deliverySchema.index({ status: 1, createdAt: 1 });

export const Delivery = model<DeliveryDoc>("Delivery", deliverySchema);

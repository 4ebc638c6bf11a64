import { Schema, model, type Types } from "mongoose";

/**
 * The consent ledger: append-only proof of every change of a client's
 * consent to a team's messages (spec §6; GDPR Art. 7(1): who, when, how, and
 * exactly what they were told). Records are only ever inserted: no code path
 * updates or deletes one (the schema refuses updates, and a test checks the
 * code base for writes other than inserts).
 */
export const CONSENT_ACTIONS = ["granted", "withdrawn", "blocked"] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

export interface ConsentRecordDoc {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  /** The client's Telegram user id. */
  telegramId: number;
  action: ConsentAction;
  /** The exact terms text shown, its version and its SHA-256 (hex). */
  termsText: string;
  termsVersion: number;
  termsSha256: string;
  /** The link the client came through (its payload) and its campaign/source. */
  linkPayload: string | null;
  campaign: string | null;
  /** How it happened: "agree-button", "unsubscribe-button", "stop-command", "blocked-update", "send-403"… */
  via: string;
  /** The Telegram update's date (when the client acted), and when Baton wrote the record. */
  at: Date;
  recordedAt: Date;
  /** The language the terms were shown in. */
  language: string;
}

const consentRecordSchema = new Schema<ConsentRecordDoc>(
  {
    teamId: { type: Schema.Types.ObjectId, required: true },
    telegramId: { type: Number, required: true },
    action: { type: String, required: true, enum: CONSENT_ACTIONS },
    termsText: { type: String, required: true },
    termsVersion: { type: Number, required: true },
    termsSha256: { type: String, required: true },
    linkPayload: { type: String, default: null },
    campaign: { type: String, default: null },
    via: { type: String, required: true },
    at: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    language: { type: String, required: true },
  },
  { versionKey: false },
);

// A client's history with a team, and "gained / lost on a day" for the digest.
consentRecordSchema.index({ teamId: 1, telegramId: 1, at: 1 });
consentRecordSchema.index({ teamId: 1, at: 1 });

// Append-only: any update or delete through the model is a bug.
for (const op of ["updateOne", "updateMany", "findOneAndUpdate", "replaceOne", "findOneAndReplace", "deleteOne", "deleteMany", "findOneAndDelete"] as const) {
  consentRecordSchema.pre(op, function refuse() {
    throw new Error(`the consent ledger is append-only (${op} refused)`);
  });
}

export const ConsentRecord = model<ConsentRecordDoc>("ConsentRecord", consentRecordSchema);

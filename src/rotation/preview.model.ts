import { Schema, model, type Types } from "mongoose";

/**
 * A preview a director was shown. Its token is what the "Run now" button
 * carries: a manual run can only be started from a preview that really was
 * shown to a director of that team, not long ago (src/rotation/start-run.ts).
 * The run is planned with the preview's seed, so it makes the plan shown.
 */
export interface RotationPreviewDoc {
  /** The token (url-safe, 12 characters). */
  _id: string;
  teamId: Types.ObjectId;
  /** The director who was shown it. */
  memberId: Types.ObjectId;
  /** The run id the preview was planned with (tie-breaks): the manual run plans with it too. */
  seed: string;
  createdAt: Date;
  /** After this, its button is answered "no longer active". */
  expiresAt: Date;
  /** Real time of writing (not the business clock), for the database's clean-up. */
  storedAt: Date;
}

const previewSchema = new Schema<RotationPreviewDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: Schema.Types.ObjectId, required: true },
    memberId: { type: Schema.Types.ObjectId, required: true },
    seed: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    storedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
// Old previews are cleaned up by the database a day after they were shown.
previewSchema.index({ storedAt: 1 }, { expireAfterSeconds: 24 * 3600 });

export const RotationPreview = model<RotationPreviewDoc>("RotationPreview", previewSchema);

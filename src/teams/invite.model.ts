import { Schema, model, type Types } from "mongoose";
import { ROLES, type Role } from "./member.model.js";

/**
 * A single-use, expiring invitation. `_id` is the random token carried in the
 * deep link, so redeeming is one conditional update on the primary key.
 */
export interface InviteDoc {
  _id: string;
  teamId: Types.ObjectId;
  role: Role;
  level: number;
  createdBy: number;
  createdAt: Date;
  expiresAt: Date;
  usedBy?: number | null;
  usedAt?: Date | null;
}

const inviteSchema = new Schema<InviteDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: Schema.Types.ObjectId, required: true },
    role: { type: String, required: true, enum: ROLES },
    level: { type: Number, required: true, min: 1, max: 5 },
    createdBy: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    usedBy: { type: Number, default: null },
    usedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

inviteSchema.index({ teamId: 1, createdAt: -1 });
// Expired links are kept a month so the bot can still say "expired" rather than "unknown".
inviteSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 30 * 24 * 3600 });

export const Invite = model<InviteDoc>("Invite", inviteSchema);

import { Schema, model, type Types } from "mongoose";

export const ROLES = ["director", "manager"] as const;
export type Role = (typeof ROLES)[number];
export const LEVELS = [1, 2, 3, 4, 5] as const;

/** A Telegram user's place in a team. One team per user in v1 (unique telegramId). */
export interface MemberDoc {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  telegramId: number;
  name: string;
  role: Role;
  level: number;
  active: boolean;
  joinedAt: Date;
  deactivatedAt?: Date | null;
  /** When the clients of a deactivated manager were handed on (reported once). */
  clientsReleasedAt?: Date | null;
}

const memberSchema = new Schema<MemberDoc>(
  {
    teamId: { type: Schema.Types.ObjectId, required: true },
    telegramId: { type: Number, required: true },
    name: { type: String, required: true },
    role: { type: String, required: true, enum: ROLES },
    level: { type: Number, required: true, min: 1, max: 5 },
    active: { type: Boolean, required: true, default: true },
    joinedAt: { type: Date, required: true },
    deactivatedAt: { type: Date, default: null },
    clientsReleasedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

memberSchema.index({ telegramId: 1 }, { unique: true });
// Team lists, and "active managers of level N" for rotation and notices.
memberSchema.index({ teamId: 1, active: 1, level: 1 });

export const Member = model<MemberDoc>("Member", memberSchema);

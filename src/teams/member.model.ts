import { Schema, model, type Types } from "mongoose";

export const ROLES = ["director", "manager"] as const;
export type Role = (typeof ROLES)[number];
export const LEVELS = [1, 2, 3, 4, 5] as const;

/**
 * A Telegram user's membership of one team. Joining a team (again, or another
 * one) makes a new member document, a new identity: nothing keyed by an old
 * membership (clients, follow-ups, reports, bonus lines) follows the person.
 * One active membership per person in v1: `activeTelegramId` is set only while
 * active and is unique (sparse).
 */
export interface MemberDoc {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  telegramId: number;
  name: string;
  role: Role;
  level: number;
  active: boolean;
  /** The Telegram id while active, absent otherwise: the unique key of "one active team per person". */
  activeTelegramId?: number | null;
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
    activeTelegramId: { type: Number },
    joinedAt: { type: Date, required: true },
    deactivatedAt: { type: Date, default: null },
    clientsReleasedAt: { type: Date, default: null },
  },
  { versionKey: false },
);

memberSchema.index({ activeTelegramId: 1 }, { unique: true, sparse: true });
// A person's memberships, newest first (history, data export).
memberSchema.index({ telegramId: 1, joinedAt: -1 });
// Team lists, and "active managers of level N" for rotation and notices.
memberSchema.index({ teamId: 1, active: 1, level: 1 });

export const Member = model<MemberDoc>("Member", memberSchema);

import { Schema, model, type Types } from "mongoose";
import type { Language } from "../config.js";

/**
 * Everyone who ever wrote to the bot: directors, managers and the teams'
 * customers alike. Holds what must be known outside an update, e.g. by a job
 * sending a notice: the chosen language and whether the user blocked the bot.
 */
export interface UserDoc {
  _id: number; // Telegram user id
  firstName: string;
  lastName?: string;
  username?: string;
  /** Telegram's language_code, the default when the user chose none. */
  telegramLanguage?: string;
  /** Language picked with /language. */
  language?: Language;
  /**
   * The person's current (or last) membership, read with the user on every
   * update in one round trip. `null`: looked for, none (a newcomer or a
   * team's customer); absent: not looked for yet.
   */
  memberId?: Types.ObjectId | null;
  /** Set when Telegram answered 403 (bot blocked); cleared when the user writes again. */
  blockedAt?: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const userSchema = new Schema<UserDoc>(
  {
    _id: { type: Number, required: true },
    firstName: { type: String, required: true },
    lastName: String,
    username: String,
    telegramLanguage: String,
    language: { type: String, enum: ["en", "ru", "hi"] },
    blockedAt: { type: Date, default: null },
    memberId: { type: Schema.Types.ObjectId },
  },
  { timestamps: true, versionKey: false },
);

export const User = model<UserDoc>("User", userSchema);

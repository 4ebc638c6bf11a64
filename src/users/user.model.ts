import { Schema, model } from "mongoose";
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
  },
  { timestamps: true, versionKey: false },
);

export const User = model<UserDoc>("User", userSchema);

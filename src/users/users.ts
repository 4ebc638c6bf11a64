import type { Language } from "../config.js";
import { pickLanguage } from "../i18n/i18n.js";
import { User, type UserDoc } from "./user.model.js";

/** The language of many users at once (one round trip), for jobs that message a whole team. */
export async function languagesOf(telegramIds: number[], fallback: Language): Promise<Map<number, Language>> {
  const users = await User.find({ _id: { $in: telegramIds } }, { language: 1, telegramLanguage: 1 }).lean();
  const found = new Map(users.map((u) => [u._id, u.language ?? pickLanguage(u.telegramLanguage, fallback)]));
  return new Map(telegramIds.map((id) => [id, found.get(id) ?? fallback]));
}

/** The language to write to a user in when they did not just write to us (jobs, notices). */
export async function languageOfUser(telegramId: number, fallback: Language): Promise<Language> {
  return (await languagesOf([telegramId], fallback)).get(telegramId)!;
}

/** Telegram said 403: the user blocked the bot (or deleted the account). Cleared when they write again. */
export async function markBlocked(telegramId: number, at: Date): Promise<void> {
  await User.updateOne({ _id: telegramId }, { $set: { blockedAt: at } });
}

/** Telegram said the user unblocked the bot. (For the teams' customers this is not consent: see src/subscribers.) */
export async function markUnblocked(telegramId: number): Promise<void> {
  await User.updateOne({ _id: telegramId }, { $set: { blockedAt: null } });
}

export async function setUserLanguage(telegramId: number, language: Language): Promise<void> {
  await User.updateOne({ _id: telegramId }, { $set: { language } });
}

/** The part of Telegram's user object Baton keeps. */
export interface TelegramProfile {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

/** Stores Telegram's copy of the user's profile (first contact, or a change); `unblock` clears the blocked mark. */
export async function saveProfile(from: TelegramProfile, opts: { unblock: boolean }): Promise<UserDoc> {
  const user = await User.findOneAndUpdate(
    { _id: from.id },
    {
      $set: {
        firstName: from.first_name,
        lastName: from.last_name,
        username: from.username,
        telegramLanguage: from.language_code,
        ...(opts.unblock ? { blockedAt: null } : {}),
      },
    },
    { upsert: true, returnDocument: "after", setDefaultsOnInsert: true },
  ).lean();
  return user!;
}

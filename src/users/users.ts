import type { Language } from "../config.js";
import { pickLanguage } from "../i18n/i18n.js";
import { User } from "./user.model.js";

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

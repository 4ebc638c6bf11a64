import type { Language } from "../config.js";
import { pickLanguage } from "../i18n/i18n.js";
import { User } from "./user.model.js";

/** The language to write to a user in when they did not just write to us (jobs, notices). */
export async function languageOfUser(telegramId: number, fallback: Language): Promise<Language> {
  const user = await User.findById(telegramId, { language: 1, telegramLanguage: 1 }).lean();
  return user?.language ?? pickLanguage(user?.telegramLanguage, fallback);
}

export async function setUserLanguage(telegramId: number, language: Language): Promise<void> {
  await User.updateOne({ _id: telegramId }, { $set: { language } });
}

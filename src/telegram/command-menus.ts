import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { SUPPORTED_LANGUAGES, type Language } from "../config.js";
import type { Role } from "../teams/member.model.js";

/**
 * The "/" menu each kind of user sees. Descriptions come from the locale
 * files (`cmd-<name>`). Newcomers get the default menu in their Telegram
 * language; members get a menu for their own chat, in the language they chose.
 */
export type Audience = Role | "guest";

const MENUS: Record<Audience, readonly string[]> = {
  guest: ["start", "help", "language"],
  manager: ["clients", "newclient", "contact", "deal", "find", "reports", "bonus", "help", "language", "cancel"],
  director: ["team", "invite", "import", "export", "rotation", "clients", "find", "newclient", "contact", "deal", "reports", "bonus", "help", "language", "cancel"],
};

/** The part of the I18n instance menus need: texts by language. */
interface Texts {
  t(language: Language, key: string): string;
}

export function commandsFor(audience: Audience, language: Language, texts: Texts): BotCommand[] {
  return MENUS[audience].map((command) => ({ command, description: texts.t(language, `cmd-${command}`) }));
}

/** Default menu for private chats, once per language (and once without one, as Telegram's fallback). */
export async function setDefaultMenus(api: Api, defaultLanguage: Language, texts: Texts): Promise<void> {
  const scope = { type: "all_private_chats" } as const;
  await api.setMyCommands(commandsFor("guest", defaultLanguage, texts), { scope });
  for (const language of SUPPORTED_LANGUAGES) {
    await api.setMyCommands(commandsFor("guest", language, texts), { scope, language_code: language });
  }
}

/** The menu of one user's private chat, after they joined, changed role or language. */
export async function setChatMenu(api: Api, chatId: number, audience: Audience, language: Language, texts: Texts): Promise<void> {
  await api.setMyCommands(commandsFor(audience, language, texts), { scope: { type: "chat", chat_id: chatId } });
}

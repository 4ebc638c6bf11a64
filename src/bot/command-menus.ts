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

type Translate = (language: Language, key: string) => string;

export function commandsFor(audience: Audience, language: Language, t: Translate): BotCommand[] {
  return MENUS[audience].map((command) => ({ command, description: t(language, `cmd-${command}`) }));
}

/** Default menu for private chats, once per language (and once without one, as Telegram's fallback). */
export async function setDefaultMenus(api: Api, defaultLanguage: Language, t: Translate): Promise<void> {
  const scope = { type: "all_private_chats" } as const;
  await api.setMyCommands(commandsFor("guest", defaultLanguage, t), { scope });
  for (const language of SUPPORTED_LANGUAGES) {
    await api.setMyCommands(commandsFor("guest", language, t), { scope, language_code: language });
  }
}

/** The menu of one user's private chat, after they joined, changed role or language. */
export async function setChatMenu(api: Api, chatId: number, audience: Audience, language: Language, t: Translate): Promise<void> {
  await api.setMyCommands(commandsFor(audience, language, t), { scope: { type: "chat", chat_id: chatId } });
}

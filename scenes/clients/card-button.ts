import type { InlineKeyboard } from "grammy";
import type { Translate } from "../../src/i18n/i18n.js";
import { openCardKeyboard } from "../../src/telegram/clients/views.js";

/** A single "Open the card" button, used wherever a conversation's last message names a client. */
export const cardButton = (t: Translate, clientId: string): InlineKeyboard => openCardKeyboard(t, clientId);

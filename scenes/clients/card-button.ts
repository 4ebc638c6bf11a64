import { InlineKeyboard } from "grammy";
import type { Translate } from "../../src/i18n/i18n.js";

/** A single "Open the card" button, used wherever a message names a client. */
export const cardButton = (t: Translate, clientId: string): InlineKeyboard =>
  new InlineKeyboard().text(t("btn-open-card"), `cl:v:${clientId}:0`);

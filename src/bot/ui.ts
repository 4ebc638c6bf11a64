import { GrammyError, type InlineKeyboard } from "grammy";
import type { BotContext } from "../telegram/context.js";

/**
 * Edits the message a button belongs to. Tapping the same button twice makes
 * Telegram answer 400 "message is not modified": the screen already shows
 * what we wanted, so that one error is not a failure.
 */
export async function showInPlace(ctx: BotContext, text: string, keyboard?: InlineKeyboard): Promise<void> {
  try {
    await ctx.editMessageText(text, { reply_markup: keyboard });
  } catch (err) {
    if (err instanceof GrammyError && err.error_code === 400 && err.description.includes("message is not modified")) return;
    throw err;
  }
}

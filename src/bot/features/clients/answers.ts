import type { BotContext } from "../../../telegram/context.js";
import { refusalKey } from "../../access.js";
import type { CallbackContext } from "../../callbacks.js";

/** A short alert on the button that was tapped. */
export const alert = (ctx: CallbackContext, key: string) => ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });

/** The text for a clients use case's refusal: the actor's (deactivated, not a director) or the client's (not theirs, gone). */
export const clientErrorKey = (error: string): string =>
  error === "not-a-member" || error === "not-allowed" ? refusalKey(error) : "client-not-yours";

/** Answers a command with a reply and a button with an alert. */
export async function refuse(ctx: BotContext, key: string): Promise<void> {
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
  else await ctx.reply(ctx.t(key));
}

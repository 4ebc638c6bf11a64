import { Composer } from "grammy";
import { choiceButton } from "../../../scenes/kit.js";
import type { BotContext } from "../../telegram/context.js";

/** Whatever no feature took: a hint instead of silence. */
export function fallbackHandlers(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("callback_query", async (ctx) => {
    // A button of a question whose conversation is over (answered, cancelled or timed out).
    const closed = choiceButton.pattern.test(ctx.callbackQuery.data ?? "");
    await ctx.answerCallbackQuery({ text: ctx.t(closed ? "scene-question-closed" : "button-expired") });
  });
  composer.on("message", async (ctx) => {
    if (ctx.conversationTimedOut) return; // the time-out notice already answered
    await ctx.reply(ctx.t("fallback-unknown"));
  });
  return composer;
}

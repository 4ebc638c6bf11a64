import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/** Whatever no feature took: a hint instead of silence. */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
  });
  composer.on("message", async (ctx) => {
    if (ctx.conversationTimedOut) return; // the time-out notice already answered
    await ctx.reply(ctx.t("fallback-unknown"));
  });
  return composer;
}

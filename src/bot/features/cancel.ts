import { Composer } from "grammy";
import { CANCEL_DATA } from "../../../scenes/kit.js";
import type { BotContext } from "../context.js";

/**
 * /cancel and the Cancel button leave whatever conversation is running.
 * Installed before the conversations themselves so they always get through.
 */
export function cancelFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  const leave = async (ctx: BotContext) => {
    if (Object.keys(ctx.conversation.active()).length === 0) {
      await ctx.reply(ctx.t("cancel-nothing"));
      return;
    }
    ctx.exitReason = "cancel";
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t("cancel-done"));
  };

  composer.command("cancel", leave);
  composer.callbackQuery(CANCEL_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined); // the old question's buttons go away
    await leave(ctx);
  });
  return composer;
}

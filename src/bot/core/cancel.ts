import { Composer } from "grammy";
import { cancelButton } from "../../../scenes/kit.js";
import type { BotContext } from "../../telegram/context.js";
import { onCallback } from "../callbacks.js";

/**
 * /cancel and the Cancel button leave whatever conversation is running.
 * Installed before the conversations themselves so they always get through.
 */
export function cancelHandlers(): Composer<BotContext> {
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
  onCallback(composer, cancelButton, [], async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => undefined); // the old question's buttons go away
    await leave(ctx);
  });
  return composer;
}

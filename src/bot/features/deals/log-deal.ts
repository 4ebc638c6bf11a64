import { Composer } from "grammy";
import { logDealScene } from "../../../../scenes/deals/log-deal.js";
import type { BotContext } from "../../../telegram/context.js";
import { logDealButton } from "../../../telegram/deals/callbacks.js";
import { actorOf, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";

/** /deal and the card's "Log deal" button: the conversation picks (or re-checks) the client itself. */
export function logDealHandlers(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");

  composer.command("deal", members, (ctx) => logDealScene.enter(ctx, actorOf(ctx), null));

  onCallback(composer, logDealButton, [members], async (ctx, { clientId }) => {
    await ctx.answerCallbackQuery();
    await logDealScene.enter(ctx, actorOf(ctx), clientId);
  });
  return composer;
}

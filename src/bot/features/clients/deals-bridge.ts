import { Composer } from "grammy";
import { LOG_DEAL } from "../../../../scenes/deals/log-deal.js";
import { clientDealsButton, logDealButton } from "../../../telegram/deals/callbacks.js";
import type { BotContext } from "../../../telegram/context.js";
import { actorOf, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";

/**
 * TEMPORARY, for the parallel reshaping of issue 8: `/deal` and the card's
 * "Log deal" and "Deals" buttons (`logDealButton`, `clientDealsButton`) belong
 * to the deals feature. Until its reshaped handlers are merged, this bridge
 * serves them with the deals feature's current conversation and list.
 * Delete this file and its line in ./index.ts when the deals feature lands.
 */
export function dealsBridge(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");
  composer.command("deal", members, (ctx) => ctx.conversation.enter(LOG_DEAL, actorOf(ctx), null));
  onCallback(composer, logDealButton, [members], async (ctx, { clientId }) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(LOG_DEAL, actorOf(ctx), clientId);
  });
  composer.callbackQuery(clientDealsButton.pattern, async (ctx, next) => {
    const data = clientDealsButton.unpack(ctx.callbackQuery.data);
    if (data) ctx.callbackQuery.data = `dl:l:${data.clientId}`;
    await next();
  });
  return composer;
}

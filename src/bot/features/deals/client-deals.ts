import { Composer } from "grammy";
import { editDealScene } from "../../../../scenes/deals/edit-deal.js";
import { deleteDeal } from "../../../deals/change-deal.js";
import { clientDeals, editableDeal, type DealAccessError } from "../../../deals/deal-access.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import {
  clientDealsButton,
  clientDealsPageButton,
  dealCardButton,
  dealDeleteButton,
  dealDeleteConfirmButton,
  dealEditButton,
} from "../../../telegram/deals/callbacks.js";
import { clientDealsView, dealCardView, dealDeleteConfirmView, dealDeletedView, DEALS_PER_PAGE } from "../../../telegram/deals/views.js";
import { actorOf, actorRefOf, membershipOf, refusalKey, requireRole } from "../../access.js";
import { onCallback, type CallbackContext } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";

/**
 * A client's deals from its card: the list (paged), one deal's card, correct
 * its amount or profit (a conversation), or delete it. Every press goes
 * through a use case that re-checks the sender and the deal.
 */
export function clientDealsHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");

  const refuse = (ctx: CallbackContext, error: DealAccessError) =>
    ctx.answerCallbackQuery({ text: ctx.t(error === "not-found" ? "deal-not-yours" : refusalKey(error)), show_alert: true });
  const format = (ctx: BotContext) => {
    const { team } = membershipOf(ctx);
    return { currency: team.currency, timezone: team.timezone, language: ctx.identity.language };
  };

  async function showList(ctx: CallbackContext, clientId: string, page: number) {
    const list = await clientDeals({ actor: actorRefOf(ctx), clientId, page, pageSize: DEALS_PER_PAGE });
    if (!list.ok) return void (await refuse(ctx, list.error));
    await ctx.answerCallbackQuery();
    const view = clientDealsView(ctx.t, list.value, format(ctx));
    await showInPlace(ctx, view.text, view.keyboard);
  }

  onCallback(composer, clientDealsButton, [members], (ctx, { clientId }) => showList(ctx, clientId, 0));
  onCallback(composer, clientDealsPageButton, [members], (ctx, { clientId, page }) => showList(ctx, clientId, page));

  onCallback(composer, dealCardButton, [members], async (ctx, { dealId }) => {
    const deal = await editableDeal(actorRefOf(ctx), dealId);
    if (!deal.ok) return void (await refuse(ctx, deal.error));
    await ctx.answerCallbackQuery();
    const view = dealCardView(ctx.t, deal.value, format(ctx));
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, dealEditButton, [members], async (ctx, { dealId, field }) => {
    const deal = await editableDeal(actorRefOf(ctx), dealId);
    if (!deal.ok) return void (await refuse(ctx, deal.error));
    await ctx.answerCallbackQuery();
    await editDealScene.enter(ctx, actorOf(ctx), dealId, field);
  });

  onCallback(composer, dealDeleteButton, [members], async (ctx, { dealId }) => {
    const deal = await editableDeal(actorRefOf(ctx), dealId);
    if (!deal.ok) return void (await refuse(ctx, deal.error));
    await ctx.answerCallbackQuery();
    const view = dealDeleteConfirmView(ctx.t, deal.value);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, dealDeleteConfirmButton, [members], async (ctx, { dealId }) => {
    const result = await deleteDeal({ actor: actorRefOf(ctx), dealId, now: deps.clock.now(), jobs: deps.jobs });
    if (!result.ok) return void (await refuse(ctx, result.error));
    await ctx.answerCallbackQuery();
    const view = dealDeletedView(ctx.t, String(result.value.clientId));
    await showInPlace(ctx, view.text, view.keyboard);
  });

  return composer;
}

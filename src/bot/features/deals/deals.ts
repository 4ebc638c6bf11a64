import { Composer, InlineKeyboard } from "grammy";
import { viewerOf } from "../../../../scenes/actor.js";
import { actorOf } from "../../access.js";
import { EDIT_DEAL } from "../../../../scenes/deals/edit-deal.js";
import { findVisibleClient } from "../../../clients/viewer.js";
import { deleteDeal, findEditableDeal, recentDeals } from "../../../deals/edit-deal.js";
import dayjs from "../../../shared/dayjs.js";
import { formatAmount } from "../../../shared/parse/amount.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { membershipOf, requireRole } from "../../access.js";
import { showInPlace } from "../../ui.js";

/** A client's deals from its card: open one, correct the amount or profit, or delete it. */
export function dealsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");
  const viewer = (ctx: BotContext) => viewerOf(actorOf(ctx));
  const notYours = (ctx: BotContext) => ctx.answerCallbackQuery({ text: ctx.t("deal-not-yours"), show_alert: true });

  composer.callbackQuery(/^dl:l:(\w+)$/, members, async (ctx) => {
    const client = await findVisibleClient(viewer(ctx), ctx.match[1]!);
    if (!client) return void (await notYours(ctx));
    const { team } = membershipOf(ctx);
    const deals = await recentDeals(client._id);
    const kb = new InlineKeyboard();
    for (const d of deals) {
      const line = ctx.t("deal-list-line", { number: d.sequence, date: d.date.split("-").reverse().join("."), amount: formatAmount(d.amountMinor, team.currency, ctx.identity.language) });
      kb.text(line, `dl:v:${d._id}`).row();
    }
    kb.text(ctx.t("btn-back"), `cl:v:${client._id}:0`);
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t(deals.length ? "deals-title" : "deals-none", { client: client.name }), kb);
  });

  composer.callbackQuery(/^dl:v:(\w+)$/, members, async (ctx) => {
    const deal = await findEditableDeal(viewer(ctx), ctx.match[1]!);
    if (!deal) return void (await notYours(ctx));
    const { team } = membershipOf(ctx);
    const money = (m: number | null) => (m === null ? "—" : formatAmount(m, team.currency, ctx.identity.language));
    const id = String(deal._id);
    await ctx.answerCallbackQuery();
    await showInPlace(
      ctx,
      ctx.t("deal-card", { number: deal.sequence, date: dayjs(deal.at).tz(team.timezone).format("DD.MM.YYYY"), amount: money(deal.amountMinor), profit: money(deal.profitMinor), note: deal.note ?? "—" }),
      new InlineKeyboard()
        .text(ctx.t("btn-deal-amount"), `dl:ea:${id}`)
        .text(ctx.t("btn-deal-profit"), `dl:ep:${id}`)
        .row()
        .text(ctx.t("btn-deal-delete"), `dl:x:${id}`)
        .row()
        .text(ctx.t("btn-back"), `dl:l:${deal.clientId}`),
    );
  });

  composer.callbackQuery(/^dl:e([ap]):(\w+)$/, members, async (ctx) => {
    if (!(await findEditableDeal(viewer(ctx), ctx.match[2]!))) return void (await notYours(ctx));
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(EDIT_DEAL, actorOf(ctx), ctx.match[2], ctx.match[1] === "a" ? "amount" : "profit");
  });

  composer.callbackQuery(/^dl:x:(\w+)$/, members, async (ctx) => {
    const deal = await findEditableDeal(viewer(ctx), ctx.match[1]!);
    if (!deal) return void (await notYours(ctx));
    await ctx.answerCallbackQuery();
    await showInPlace(
      ctx,
      ctx.t("deal-delete-confirm", { number: deal.sequence }),
      new InlineKeyboard().text(ctx.t("btn-deal-delete-confirm"), `dl:X:${deal._id}`).row().text(ctx.t("btn-back"), `dl:v:${deal._id}`),
    );
  });

  composer.callbackQuery(/^dl:X:(\w+)$/, members, async (ctx) => {
    const { team } = membershipOf(ctx);
    const result = await deleteDeal({ viewer: viewer(ctx), dealId: ctx.match[1]!, rotation: team.settings.rotation, now: deps.clock.now() });
    if (!result.ok) return void (await notYours(ctx));
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("deal-deleted"), new InlineKeyboard().text(ctx.t("btn-open-card"), `cl:v:${result.value.clientId}:0`));
  });
  return composer;
}

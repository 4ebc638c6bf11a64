import { Types } from "mongoose";
import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { recordDeal } from "../../src/deals/record-deal.js";
import { DEAL_RECORDED, type DealRecordedData } from "../../src/deals/events.js";
import { formatAmount, parseAmount } from "../../src/shared/parse/amount.js";
import { parsePastDate, utcToLocalDate } from "../../src/shared/parse/local-date.js";
import { viewerOf, type SceneActor } from "../actor.js";
import { ask, askOptional, confirm, freeText } from "../kit.js";
import { cardButton } from "../clients/card-button.js";
import { openClientFlow } from "../clients/pick-client.js";

export const LOG_DEAL = "log-deal";

/**
 * Log a deal: client, amount ("12 500,50", "12500.5", "12,500.50"), optional
 * profit, date (today by default; "yesterday", "25.11", "2026-11-25"; never
 * in the future), optional note, confirm. Recorded once even if confirmed
 * twice, then announced to the bonus engine.
 */
export function logDealScene(deps: BotDeps) {
  return async function logDealConversation(
    conversation: SceneConversation,
    ctx: SceneContext,
    actor: SceneActor,
    clientId: string | null,
  ): Promise<void> {
    const flow = await openClientFlow(conversation, ctx, deps, actor, clientId);
    if (!flow) return;
    const { t, client, team, newId: dealId } = flow;
    const now = new Date(await conversation.external(() => deps.clock.now().toISOString()));
    const money = (minor: number) => formatAmount(minor, team.currency, actor.language);

    const amount = await ask(conversation, ctx, t, {
      prompt: t("deal-ask-amount", { client: client.name, currency: team.currency }),
      parse: (s) => parseAmount(s),
    });
    const profit = await askOptional(conversation, ctx, t, {
      prompt: t("deal-ask-profit"),
      parse: (s) => parseAmount(s, { allowZero: true }),
    });
    const today = utcToLocalDate(now, team.timezone);
    const date = await ask(conversation, ctx, t, {
      prompt: t("deal-ask-date"),
      choices: [
        [
          { label: t("date-today"), value: "today" },
          { label: t("date-yesterday"), value: "yesterday" },
        ],
      ],
      parse: (s) => parsePastDate(s, { now, timezone: team.timezone }),
    });
    const note = await askOptional(conversation, ctx, t, {
      prompt: t("deal-ask-note"),
      parse: freeText(1000),
    });
    await confirm(
      conversation,
      ctx,
      t,
      t("deal-confirm", {
        client: client.name,
        amount: money(amount),
        profit: profit === null ? "—" : money(profit),
        date: date === today ? t("date-today") : date.split("-").reverse().join("."),
      }),
    );

    const result = await conversation.external(async () => {
      const r = await recordDeal({
        id: new Types.ObjectId(dealId),
        viewer: viewerOf(actor),
        clientId: client.id,
        amountMinor: amount,
        profitMinor: profit,
        date,
        note,
        currency: team.currency,
        timezone: team.timezone,
        rotation: team.rotation,
        bonusPlan: team.bonusPlan,
        now: deps.clock.now(),
      });
      if (!r.ok) return { error: r.error };
      const data: DealRecordedData = { dealId };
      await deps.jobs.enqueue(DEAL_RECORDED, data);
      return { sequence: r.value.deal.sequence };
    });
    if ("error" in result) {
      await ctx.reply(t(result.error === "lost" ? "deal-client-lost" : "client-not-yours"));
      return;
    }
    await ctx.reply(
      t(result.sequence === 1 ? "deal-saved-first" : "deal-saved", { client: client.name, amount: money(amount), number: result.sequence }),
      { reply_markup: cardButton(t, client.id) },
    );
  };
}

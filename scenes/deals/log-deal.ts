import { recordDeal, type RecordDealError } from "../../src/deals/record-deal.js";
import { currencyMinorDigits, formatAmount, parseAmount } from "../../src/shared/parse/amount.js";
import { parsePastDate, utcToLocalDate } from "../../src/shared/parse/local-date.js";
import { dealLoggedView } from "../../src/telegram/deals/views.js";
import type { SceneActor } from "../actor.js";
import { openClientFlow } from "../clients/pick-client.js";
import { defineScene } from "../define.js";
import { ask, askOptional, confirm, freeText } from "../kit.js";

const REFUSALS: Record<RecordDealError, string> = {
  "not-a-member": "access-no-longer-member",
  "not-allowed": "access-no-longer-member",
  lost: "deal-client-lost",
  "not-found": "client-not-yours",
  "amount-invalid": "error-amount-invalid",
};

/**
 * Log a deal: client, amount ("12 500,50", "12500.5", "12,500.50"), optional
 * profit, date (today by default; "yesterday", "25.11", "2026-11-25"; never
 * in the future), optional note, confirm. The use case re-checks the actor,
 * records the deal once even if confirmed twice, and tells the bonus engine.
 */
export const logDealScene = defineScene("log-deal", (deps) => async (conversation, ctx, actor: SceneActor, clientId: string | null) => {
  const flow = await openClientFlow(conversation, ctx, deps, actor, clientId);
  if (!flow) return;
  const { t, client, team, newId: dealId } = flow;
  const now = new Date(await conversation.external(() => deps.clock.now().toISOString()));
  const money = (minor: number) => formatAmount(minor, team.currency, actor.language);
  const minorDigits = currencyMinorDigits(team.currency);

  const amount = await ask(conversation, ctx, t, {
    prompt: t("deal-ask-amount", { client: client.name, currency: team.currency }),
    parse: (s) => parseAmount(s, { minorDigits }),
  });
  const profit = await askOptional(conversation, ctx, t, {
    prompt: t("deal-ask-profit"),
    parse: (s) => parseAmount(s, { allowZero: true, minorDigits }),
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
  const note = await askOptional(conversation, ctx, t, { prompt: t("deal-ask-note"), parse: freeText(1000) });
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
      actor,
      id: dealId,
      clientId: client.id,
      amountMinor: amount,
      profitMinor: profit,
      date,
      note,
      now: deps.clock.now(),
      jobs: deps.jobs,
    });
    return r.ok ? { sequence: r.value.deal.sequence } : { error: r.error };
  });
  if (result.error !== undefined) {
    await ctx.reply(t(REFUSALS[result.error]));
    return;
  }
  const view = dealLoggedView(t, { clientId: client.id, clientName: client.name, amount: money(amount), sequence: result.sequence });
  await ctx.reply(view.text, { reply_markup: view.keyboard });
});

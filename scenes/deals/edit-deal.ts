import { correctDeal, type DealCorrection } from "../../src/deals/change-deal.js";
import { translator } from "../../src/i18n/i18n.js";
import { currencyMinorDigits, parseAmount } from "../../src/shared/parse/amount.js";
import type { DealField } from "../../src/telegram/deals/callbacks.js";
import { dealCorrectedView } from "../../src/telegram/deals/views.js";
import { loadTeamFacts, type SceneActor } from "../actor.js";
import { defineScene } from "../define.js";
import { ask, askOptional } from "../kit.js";

/** Correct a deal's amount or profit; the bonus engine recomputes its lines (with an audit entry) from the published change. */
export const editDealScene = defineScene("edit-deal", (deps) => async (conversation, ctx, actor: SceneActor, dealId: string, field: DealField) => {
  const t = translator(deps.i18n, actor.language);
  const team = await loadTeamFacts(conversation, actor.teamId);
  const minorDigits = currencyMinorDigits(team.currency);
  const change: DealCorrection =
    field === "amount"
      ? { amountMinor: await ask(conversation, ctx, t, { prompt: t("deal-ask-new-amount"), parse: (s) => parseAmount(s, { minorDigits }) }) }
      : {
          profitMinor: await askOptional(conversation, ctx, t, {
            prompt: t("deal-ask-new-profit"),
            parse: (s) => parseAmount(s, { allowZero: true, minorDigits }),
          }),
        };
  const result = await conversation.external(async () => {
    const r = await correctDeal({ actor, dealId, change, now: deps.clock.now(), jobs: deps.jobs });
    return r.ok ? { clientId: String(r.value.clientId) } : { error: r.error };
  });
  if (result.error !== undefined) {
    const key = result.error === "not-a-member" || result.error === "not-allowed" ? "access-no-longer-member" : "deal-not-yours";
    await ctx.reply(t(key));
    return;
  }
  const view = dealCorrectedView(t, result.clientId);
  await ctx.reply(view.text, { reply_markup: view.keyboard });
});

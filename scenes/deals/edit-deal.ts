import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { editDeal } from "../../src/deals/edit-deal.js";
import { translator } from "../../src/i18n/i18n.js";
import { parseAmount } from "../../src/shared/parse/amount.js";
import { loadTeamFacts, viewerOf, type SceneActor } from "../actor.js";
import { ask, askOptional } from "../kit.js";
import { cardButton } from "../clients/card-button.js";

export const EDIT_DEAL = "edit-deal";

/** Correct a deal's amount or profit; its bonus lines are recomputed (and audited) by the domain. */
export function editDealScene(deps: BotDeps) {
  return async function editDealConversation(
    conversation: SceneConversation,
    ctx: SceneContext,
    actor: SceneActor,
    dealId: string,
    field: "amount" | "profit",
  ): Promise<void> {
    const t = translator(deps.i18n, actor.language);
    const team = await loadTeamFacts(conversation, actor.teamId);
    const change =
      field === "amount"
        ? { amountMinor: await ask(conversation, ctx, t, { prompt: t("deal-ask-new-amount"), parse: (s) => parseAmount(s) }) }
        : { profitMinor: await askOptional(conversation, ctx, t, { prompt: t("deal-ask-new-profit"), parse: (s) => parseAmount(s, { allowZero: true }) }) };
    const result = await conversation.external(async () => {
      const r = await editDeal({ viewer: viewerOf(actor), dealId, change, timezone: team.timezone, now: deps.clock.now() });
      return r.ok ? String(r.value.clientId) : null;
    });
    await ctx.reply(result ? t("deal-edited") : t("deal-not-yours"), { reply_markup: result ? cardButton(t, result) : undefined });
  };
}

import { Composer } from "grammy";
import { planSettingScene } from "../../../../scenes/bonuses/plan-setting.js";
import { bonusPlanOf, changeBonusPlan } from "../../../bonuses/plan.js";
import type { BonusPlan } from "../../../teams/team-settings.js";
import { bonusPlanButton, planMultiplierButton, planRetentionButton, planSwitchButton, planValueButton } from "../../../telegram/bonuses/callbacks.js";
import { planView } from "../../../telegram/bonuses/views.js";
import type { BotContext } from "../../../telegram/context.js";
import { actorOf, actorRefOf, membershipOf, refusalKey, requireRole } from "../../access.js";
import { onCallback, type CallbackContext } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";

/**
 * The director's bonus plan screen (from /bonus): switches and the multiplier
 * change in place; typed values (base rate, holdback, new-client bonus) open
 * a short conversation. Changes apply to deals logged from then on.
 */
export function planHandlers(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directors = requireRole("director");

  const show = async (ctx: CallbackContext, plan: BonusPlan) => {
    const { team } = membershipOf(ctx);
    const view = planView(ctx.t, plan, { currency: team.currency, language: ctx.identity.language, timezone: team.timezone });
    await showInPlace(ctx, view.text, view.keyboard);
  };
  const change = async (ctx: CallbackContext, patch: Partial<BonusPlan>) => {
    const result = await changeBonusPlan({ actor: actorRefOf(ctx), patch });
    if (!result.ok) {
      const key = result.error === "invalid-setting" ? "button-expired" : refusalKey(result.error);
      return void (await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: result.error !== "invalid-setting" }));
    }
    await ctx.answerCallbackQuery({ text: ctx.t("bonus-plan-saved") });
    await show(ctx, result.value);
  };

  onCallback(composer, bonusPlanButton, [directors], async (ctx) => {
    const plan = await bonusPlanOf(actorRefOf(ctx));
    if (!plan.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t(refusalKey(plan.error)), show_alert: true }));
    await ctx.answerCallbackQuery();
    await show(ctx, plan.value);
  });
  onCallback(composer, planMultiplierButton, [directors], (ctx, { multiplier }) => change(ctx, { newClientMultiplier: Number(multiplier) }));
  onCallback(composer, planSwitchButton, [directors], (ctx, { setting, on }) => change(ctx, setting === "halving" ? { halving: on } : { capAtProfit: on }));
  onCallback(composer, planRetentionButton, [directors], (ctx, { retention }) => change(ctx, { retention }));
  onCallback(composer, planValueButton, [directors], async (ctx, { setting }) => {
    await ctx.answerCallbackQuery();
    await planSettingScene.enter(ctx, actorOf(ctx), setting);
  });
  return composer;
}

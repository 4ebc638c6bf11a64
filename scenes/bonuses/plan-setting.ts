import { changeBonusPlan } from "../../src/bonuses/plan.js";
import { parsePlanValue, type TypedPlanSetting } from "../../src/bonuses/plan-values.js";
import { translator } from "../../src/i18n/i18n.js";
import { currencyMinorDigits } from "../../src/shared/parse/amount.js";
import { loadTeamFacts, type SceneActor } from "../actor.js";
import { defineScene } from "../define.js";
import { ask } from "../kit.js";

/** One typed value of the bonus plan (base rate, holdback, new-client bonus); it applies to deals logged from now on. */
export const planSettingScene = defineScene("bonus-setting", (deps) => async (conversation, ctx, actor: SceneActor, setting: TypedPlanSetting) => {
  const t = translator(deps.i18n, actor.language);
  const team = await loadTeamFacts(conversation, actor.teamId);
  const minorDigits = currencyMinorDigits(team.currency);
  const value = await ask(conversation, ctx, t, { prompt: t(`bonus-ask-${setting}`), parse: (s) => parsePlanValue(setting, s, minorDigits) });
  const saved = await conversation.external(async () => {
    const r = await changeBonusPlan({ actor, patch: { [setting]: value } });
    return r.ok ? "bonus-plan-saved" : r.error === "invalid-setting" ? "error-setting-out-of-range" : "access-no-longer-member";
  });
  await ctx.reply(t(saved));
});

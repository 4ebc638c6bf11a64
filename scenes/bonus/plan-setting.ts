import { Types } from "mongoose";
import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { translator } from "../../src/i18n/i18n.js";
import { parseAmount } from "../../src/shared/parse/amount.js";
import { fail, ok, type Result } from "../../src/shared/result.js";
import { updateTeamSettings } from "../../src/teams/settings.js";
import { bonusPlanSchema } from "../../src/teams/team-settings.js";
import type { SceneActor } from "../actor.js";
import { ask } from "../kit.js";

export const BONUS_SETTING = "bonus-setting";
export const TYPED_PLAN_SETTINGS = ["baseRateBp", "holdbackMonths", "acquisitionBonusMinor"] as const;
export type TypedPlanSetting = (typeof TYPED_PLAN_SETTINGS)[number];

/** "2", "2.5", "2,5 %" → basis points (250). */
export function parsePercent(text: string): Result<number, "percent-invalid"> {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return fail("percent-invalid");
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bonusPlanSchema.shape.baseRateBp.safeParse(bp).success ? ok(bp) : fail("percent-invalid");
}

/** One typed parameter of the bonus plan; takes effect for deals logged from now on. */
export function bonusSettingScene(deps: BotDeps) {
  return async function bonusSettingConversation(conversation: SceneConversation, ctx: SceneContext, actor: SceneActor, key: TypedPlanSetting): Promise<void> {
    const t = translator(deps.i18n, actor.language);
    const value = await ask(conversation, ctx, t, {
      prompt: t(`bonus-ask-${key}`),
      parse: (s): Result<number> => {
        if (key === "baseRateBp") return parsePercent(s);
        if (key === "acquisitionBonusMinor") return parseAmount(s, { allowZero: true });
        const n = Number(s.trim());
        return /^\d+$/.test(s.trim()) && bonusPlanSchema.shape.holdbackMonths.safeParse(n).success ? ok(n) : fail("setting-out-of-range");
      },
    });
    const saved = await conversation.external(async () => (await updateTeamSettings(new Types.ObjectId(actor.teamId), "bonus", { [key]: value })).ok);
    await ctx.reply(t(saved ? "bonus-plan-saved" : "error-setting-out-of-range"));
  };
}

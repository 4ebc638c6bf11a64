import { Types } from "mongoose";
import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { ROTATION_RECOMPUTE_JOB } from "../../jobs/rotation-recompute.js";
import { translator } from "../../src/i18n/i18n.js";
import { updateTeamSettings } from "../../src/teams/settings.js";
import { rotationSettingsSchema } from "../../src/teams/team-settings.js";
import { fail, ok } from "../../src/shared/result.js";
import type { SceneActor } from "../actor.js";
import { ask } from "../kit.js";

export const ROTATION_SETTING = "rotation-setting";
export const NUMERIC_SETTINGS = ["neverBoughtMonths", "lapsedMonths", "reportDays"] as const;
export type NumericSetting = (typeof NUMERIC_SETTINGS)[number];

/** A rotation threshold: a whole number checked against the settings schema's bounds. */
export function rotationSettingScene(deps: BotDeps) {
  return async function rotationSettingConversation(
    conversation: SceneConversation,
    ctx: SceneContext,
    actor: SceneActor,
    key: NumericSetting,
  ): Promise<void> {
    const t = translator(deps.i18n, actor.language);
    const value = await ask(conversation, ctx, t, {
      prompt: t(`rotation-ask-${key}`),
      parse: (s) => {
        const n = Number(s.trim());
        return rotationSettingsSchema.shape[key].safeParse(n).success && /^\d+$/.test(s.trim()) ? ok(n) : fail("setting-out-of-range");
      },
    });
    await conversation.external(async () => {
      const r = await updateTeamSettings(new Types.ObjectId(actor.teamId), "rotation", { [key]: value });
      if (r.ok) await deps.jobs.enqueue(ROTATION_RECOMPUTE_JOB, { teamId: actor.teamId });
      return r.ok;
    });
    await ctx.reply(t("rotation-setting-saved"));
  };
}

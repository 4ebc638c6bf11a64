import { translator } from "../../src/i18n/i18n.js";
import { parseRotationSetting, type NumericSetting } from "../../src/rotation/setting-keys.js";
import { changeRotationSetting } from "../../src/rotation/settings.js";
import { refusalText } from "../../src/telegram/rotation/views.js";
import type { SceneActor } from "../actor.js";
import { defineScene } from "../define.js";
import { ask } from "../kit.js";

export { NUMERIC_SETTINGS, type NumericSetting } from "../../src/rotation/setting-keys.js";

/** A rotation threshold (months, report days): a whole number within the rules' bounds, saved by the use case. */
export const rotationSettingScene = defineScene("rotation-setting", (deps) => async (conversation, ctx, actor: SceneActor, key: NumericSetting) => {
  const t = translator(deps.i18n, actor.language);
  const value = await ask(conversation, ctx, t, { prompt: t(`rotation-ask-${key}`), parse: (text) => parseRotationSetting(key, text) });
  const saved = await conversation.external(() => changeRotationSetting({ actor, change: { key, value }, jobs: deps.jobs }));
  if (saved.ok) await ctx.reply(t("rotation-setting-saved"));
  else await ctx.reply(saved.error === "invalid-setting" ? t("error-setting-out-of-range") : refusalText(t, saved.error));
});

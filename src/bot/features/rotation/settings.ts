import { Composer } from "grammy";
import { rotationSettingScene } from "../../../../scenes/rotation/setting.js";
import { changeRotationSetting } from "../../../rotation/settings.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { numericSettingButton, rotationMenuButton, settingsButton, toggleSettingButton } from "../../../telegram/rotation/callbacks.js";
import { rotationMenuView, rotationSettingsView } from "../../../telegram/rotation/views.js";
import { actorOf, actorRefOf, membershipOf, refusalKey, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";

/** /rotation (directors): the rules in force; switches flip in place, thresholds are asked for. */
export function settingsHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directors = requireRole("director");

  composer.command("rotation", directors, async (ctx) => {
    const view = rotationMenuView(ctx.t, membershipOf(ctx).team.settings.rotation);
    await ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  onCallback(composer, rotationMenuButton, [directors], async (ctx) => {
    await ctx.answerCallbackQuery();
    const view = rotationMenuView(ctx.t, membershipOf(ctx).team.settings.rotation);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, settingsButton, [directors], async (ctx) => {
    await ctx.answerCallbackQuery();
    const view = rotationSettingsView(ctx.t, membershipOf(ctx).team.settings.rotation);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, toggleSettingButton, [directors], async (ctx, { key }) => {
    // The team (and so the current value) is read afresh for every update.
    const current = membershipOf(ctx).team.settings.rotation[key];
    const result = await changeRotationSetting({ actor: actorRefOf(ctx), change: { key, value: !current }, jobs: deps.jobs });
    if (!result.ok) {
      const text = ctx.t(result.error === "invalid-setting" ? "button-expired" : refusalKey(result.error));
      return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
    }
    await ctx.answerCallbackQuery();
    const view = rotationSettingsView(ctx.t, result.value);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, numericSettingButton, [directors], async (ctx, { key }) => {
    await ctx.answerCallbackQuery();
    await rotationSettingScene.enter(ctx, actorOf(ctx), key);
  });

  return composer;
}

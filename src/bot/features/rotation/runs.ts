import { Composer } from "grammy";
import { pastRuns } from "../../../rotation/history.js";
import { findPreview, previewNextRun, requestManualRun } from "../../../rotation/start-run.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { historyButton, previewButton, runConfirmButton, runNowButton } from "../../../telegram/rotation/callbacks.js";
import { confirmRunView, historyView, previewView, runStartedView } from "../../../telegram/rotation/views.js";
import { actorRefOf, membershipOf, refusalKey, requireRole } from "../../access.js";
import { onCallback, type CallbackContext } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";

/**
 * Runs (directors): a preview of the next nightly run (the plan it will make
 * if nothing changes), "Run now" from that preview only, after confirmation,
 * and the past runs.
 */
export function runHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directors = requireRole("director");
  const refuse = (ctx: CallbackContext, error: "not-a-member" | "not-allowed" | "expired") =>
    ctx.answerCallbackQuery({ text: ctx.t(error === "expired" ? "button-expired" : refusalKey(error)), show_alert: error !== "expired" });

  onCallback(composer, previewButton, [directors], async (ctx) => {
    const preview = await previewNextRun({ actor: actorRefOf(ctx), now: deps.clock.now() });
    if (!preview.ok) return void (await refuse(ctx, preview.error));
    await ctx.answerCallbackQuery();
    const view = previewView(ctx.t, preview.value);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, runNowButton, [directors], async (ctx, { token }) => {
    const preview = await findPreview({ actor: actorRefOf(ctx), token, now: deps.clock.now() });
    if (!preview.ok) return void (await refuse(ctx, preview.error));
    await ctx.answerCallbackQuery();
    const view = confirmRunView(ctx.t, token);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  // The run id derives from the preview's token, so a double tap starts one run, not two.
  onCallback(composer, runConfirmButton, [directors], async (ctx, { token }) => {
    const started = await requestManualRun({ actor: actorRefOf(ctx), token, requestedBy: ctx.from.id, now: deps.clock.now(), jobs: deps.jobs });
    if (!started.ok) return void (await refuse(ctx, started.error));
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, runStartedView(ctx.t).text);
  });

  onCallback(composer, historyButton, [directors], async (ctx, { page }) => {
    const runs = await pastRuns({ actor: actorRefOf(ctx), page });
    if (!runs.ok) return void (await refuse(ctx, runs.error));
    await ctx.answerCallbackQuery();
    const view = historyView(ctx.t, runs.value, membershipOf(ctx).team.timezone);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  return composer;
}

import { Composer } from "grammy";
import { rotationReportScene } from "../../../../scenes/rotation/report.js";
import { pendingReports } from "../../../rotation/reports.js";
import type { BotContext } from "../../../telegram/context.js";
import { reportButton, reportListButton } from "../../../telegram/rotation/callbacks.js";
import { reportsListView } from "../../../telegram/rotation/views.js";
import { actorOf, actorRefOf, membershipOf, refusalKey, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";

/**
 * Processing reports (managers and directors): the "📝 Report" button of a
 * notice, a reminder or the client card, and /reports, paged. The
 * conversation checks that the report is still owed.
 */
export function reportHandlers(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");

  onCallback(composer, reportButton, [members], async (ctx, { clientId }) => {
    await ctx.answerCallbackQuery();
    await rotationReportScene.enter(ctx, actorOf(ctx), clientId);
  });

  composer.command("reports", members, async (ctx) => {
    const pending = await pendingReports({ actor: actorRefOf(ctx) });
    if (!pending.ok) return void (await ctx.reply(ctx.t(refusalKey(pending.error))));
    const view = reportsListView(ctx.t, pending.value, membershipOf(ctx).team.timezone, 0);
    await ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  onCallback(composer, reportListButton, [members], async (ctx, { page }) => {
    const pending = await pendingReports({ actor: actorRefOf(ctx) });
    if (!pending.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t(refusalKey(pending.error)), show_alert: true }));
    await ctx.answerCallbackQuery();
    const view = reportsListView(ctx.t, pending.value, membershipOf(ctx).team.timezone, page);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  return composer;
}

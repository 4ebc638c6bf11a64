import { Composer } from "grammy";
import { requestExport } from "../../../clients/export/use-cases.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { exportButton } from "../../../telegram/import-export/callbacks.js";
import { exportMenuView, exportWorkingText } from "../../../telegram/import-export/views.js";
import { actorRefOf, refusalKey, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";

/** /export (directors): pick clients, contacts or deals; the export job sends the CSV (or says it failed). */
export function exportHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directors = requireRole("director");

  composer.command("export", directors, async (ctx) => {
    const view = exportMenuView(ctx.t);
    await ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  onCallback(composer, exportButton, [directors], async (ctx, { kind }) => {
    const result = await requestExport({ actor: actorRefOf(ctx), kind, chatId: ctx.chat!.id, jobs: deps.jobs });
    if (!result.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t(refusalKey(result.error)), show_alert: true }));
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, exportWorkingText(ctx.t, kind));
  });

  return composer;
}

import { Composer } from "grammy";
import { searchClients, searchPage } from "../../../clients/browse.js";
import { searchPageButton } from "../../../telegram/clients/callbacks.js";
import { searchResultsView } from "../../../telegram/clients/views.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { actorRefOf, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";
import { alert, clientErrorKey } from "./answers.js";

/**
 * /find <text>: by name, phone ending or email, among what the sender may
 * see. The query stays on the server; the paging buttons carry its id.
 */
export function findHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");

  composer.command("find", members, async (ctx) => {
    const text = ctx.match.trim();
    if (!text) return void (await ctx.reply(ctx.t("find-usage")));
    const found = await searchClients(actorRefOf(ctx), text);
    if (!found.ok) return void (await ctx.reply(ctx.t(clientErrorKey(found.error))));
    const view = searchResultsView(ctx.t, found.value, deps.clock.now());
    await ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  onCallback(composer, searchPageButton, [members], async (ctx, { searchId, page }) => {
    const found = await searchPage(actorRefOf(ctx), searchId, page);
    if (!found.ok) return void (await alert(ctx, found.error === "expired" ? "button-expired" : clientErrorKey(found.error)));
    await ctx.answerCallbackQuery();
    const view = searchResultsView(ctx.t, found.value, deps.clock.now());
    await showInPlace(ctx, view.text, view.keyboard);
  });
  return composer;
}

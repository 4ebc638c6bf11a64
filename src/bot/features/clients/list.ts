import { Composer } from "grammy";
import { clientList, clientOwners } from "../../../clients/browse.js";
import type { ClientFilter } from "../../../clients/queries.js";
import { fail, ok, type Result } from "../../../shared/result.js";
import { clientListButton, clientOwnersButton } from "../../../telegram/clients/callbacks.js";
import { clientListView, clientOwnersView, type View } from "../../../telegram/clients/views.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { actorRefOf, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";
import { alert, clientErrorKey, refuse } from "./answers.js";

/**
 * /clients: the sender's clients (a director's: the team's), soonest to
 * rotate first, by filter and page; directors narrow the list to one member
 * or the free pool through "By manager".
 */
export function listHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");
  const directors = requireRole("director");

  const listView = async (ctx: BotContext, filter: ClientFilter, page: number, owner: string | null): Promise<Result<View>> => {
    const list = await clientList(actorRefOf(ctx), { filter, page, owner });
    if (!list.ok) return fail(clientErrorKey(list.error));
    return ok(clientListView(ctx.t, { ...list.value, filter, owner, now: deps.clock.now() }));
  };

  composer.command("clients", members, async (ctx) => {
    const shown = await listView(ctx, "active", 0, null);
    if (!shown.ok) return void (await refuse(ctx, shown.error));
    await ctx.reply(shown.value.text, { reply_markup: shown.value.keyboard });
  });

  onCallback(composer, clientListButton, [members], async (ctx, { filter, page, owner }) => {
    const shown = await listView(ctx, filter, page, owner);
    if (!shown.ok) return void (await alert(ctx, shown.error));
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, shown.value.text, shown.value.keyboard);
  });

  onCallback(composer, clientOwnersButton, [directors], async (ctx, { page }) => {
    const owners = await clientOwners(actorRefOf(ctx));
    if (!owners.ok) return void (await alert(ctx, clientErrorKey(owners.error)));
    await ctx.answerCallbackQuery();
    const view = clientOwnersView(ctx.t, owners.value, page);
    await showInPlace(ctx, view.text, view.keyboard);
  });
  return composer;
}

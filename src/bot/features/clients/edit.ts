import { Composer } from "grammy";
import { editClientScene, markLostScene } from "../../../../scenes/clients/edit-client.js";
import { clientToEdit } from "../../../clients/browse.js";
import { reactivateClient, setClientFlag, setClientKind } from "../../../clients/edit-client.js";
import {
  clientFlagButton,
  clientKindButton,
  editClientButton,
  editFieldButton,
  markLostButton,
  reactivateButton,
} from "../../../telegram/clients/callbacks.js";
import { editMenuView } from "../../../telegram/clients/views.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { actorOf, actorRefOf, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";
import { alert, clientErrorKey } from "./answers.js";
import { showCard } from "./card.js";

/**
 * Changing a client from its card: the edit menu, typed fields (a
 * conversation), kind and flags (in place), mark lost (a conversation for
 * the reason) and reactivate. Every change re-checks sender and client.
 */
export function editHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");

  onCallback(composer, editClientButton, [members], async (ctx, { clientId }) => {
    const found = await clientToEdit(actorRefOf(ctx), clientId);
    if (!found.ok) return void (await alert(ctx, clientErrorKey(found.error)));
    await ctx.answerCallbackQuery();
    const view = editMenuView(ctx.t, found.value.client, found.value.role);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, editFieldButton, [members], async (ctx, { clientId, field }) => {
    const found = await clientToEdit(actorRefOf(ctx), clientId);
    if (!found.ok) return void (await alert(ctx, clientErrorKey(found.error)));
    await ctx.answerCallbackQuery();
    await editClientScene.enter(ctx, actorOf(ctx), clientId, field);
  });

  onCallback(composer, clientKindButton, [members], async (ctx, { clientId, kind }) => {
    const result = await setClientKind({ actor: actorRefOf(ctx), clientId, kind, now: deps.clock.now() });
    if (!result.ok) return void (await alert(ctx, clientErrorKey(result.error)));
    await showCard(ctx, deps, clientId, 0);
  });

  onCallback(composer, clientFlagButton, [members], async (ctx, { clientId, flag, on }) => {
    const result = await setClientFlag({ actor: actorRefOf(ctx), clientId, flag, on, now: deps.clock.now() });
    if (!result.ok) return void (await alert(ctx, clientErrorKey(result.error)));
    await showCard(ctx, deps, clientId, 0);
  });

  onCallback(composer, markLostButton, [members], async (ctx, { clientId }) => {
    const found = await clientToEdit(actorRefOf(ctx), clientId);
    if (!found.ok) return void (await alert(ctx, clientErrorKey(found.error)));
    await ctx.answerCallbackQuery();
    await markLostScene.enter(ctx, actorOf(ctx), clientId);
  });

  onCallback(composer, reactivateButton, [members], async (ctx, { clientId }) => {
    const result = await reactivateClient({ actor: actorRefOf(ctx), clientId, now: deps.clock.now() });
    if (!result.ok) return void (await alert(ctx, clientErrorKey(result.error)));
    await showCard(ctx, deps, clientId, 0);
  });
  return composer;
}

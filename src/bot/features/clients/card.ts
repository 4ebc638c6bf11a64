import { Composer } from "grammy";
import { clientCard } from "../../../clients/browse.js";
import { clientCardButton, legacyCardButton } from "../../../telegram/clients/callbacks.js";
import { clientCardView } from "../../../telegram/clients/views.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { actorRefOf, membershipOf, requireRole } from "../../access.js";
import { onCallback, type CallbackContext } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";
import { alert, clientErrorKey } from "./answers.js";

/** Shows a client's card (a page of its history) in place of the message whose button was tapped. */
export async function showCard(ctx: CallbackContext, deps: BotDeps, clientId: string, page: number): Promise<void> {
  const card = await clientCard(actorRefOf(ctx), clientId, page);
  if (!card.ok) return void (await alert(ctx, clientErrorKey(card.error)));
  const { team } = membershipOf(ctx);
  const view = clientCardView(ctx.t, {
    ...card.value,
    now: deps.clock.now(),
    timezone: team.timezone,
    currency: team.currency,
    language: ctx.identity.language,
  });
  await ctx.answerCallbackQuery();
  await showInPlace(ctx, view.text, view.keyboard);
}

/**
 * The client card, from any message that names a client (lists, search,
 * notices, reminders, the end of a conversation). The id is re-checked
 * against what the sender may see.
 */
export function cardHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");
  onCallback(composer, clientCardButton, [members], (ctx, { clientId, page }) => showCard(ctx, deps, clientId, page));
  // Card buttons of messages sent before callback codecs (rotation notices, reminders): they still open the card.
  onCallback(composer, legacyCardButton, [members], (ctx, { clientId, page }) => showCard(ctx, deps, clientId, page));
  return composer;
}

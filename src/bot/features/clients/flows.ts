import { Composer } from "grammy";
import { logContactScene } from "../../../../scenes/clients/log-contact.js";
import { newClientScene } from "../../../../scenes/clients/new-client.js";
import { logContactButton } from "../../../telegram/clients/callbacks.js";
import type { BotContext } from "../../../telegram/context.js";
import { actorOf, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";

/** Entry points of the guided conversations; the conversations re-check sender and client themselves. */
export function flowHandlers(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");

  composer.command("newclient", members, (ctx) => newClientScene.enter(ctx, actorOf(ctx)));
  composer.command("contact", members, (ctx) => logContactScene.enter(ctx, actorOf(ctx), null));
  onCallback(composer, logContactButton, [members], async (ctx, { clientId }) => {
    await ctx.answerCallbackQuery();
    await logContactScene.enter(ctx, actorOf(ctx), clientId);
  });
  return composer;
}

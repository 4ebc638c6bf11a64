import { Composer } from "grammy";
import type { BotContext } from "../../telegram/context.js";
import { activeMembership } from "../access.js";

/** /help: what this user's role can do, nothing more. */
export function helpHandlers(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("help", async (ctx) => {
    const role = activeMembership(ctx)?.member.role ?? "guest";
    await ctx.reply(ctx.t(`help-${role}`));
  });
  return composer;
}

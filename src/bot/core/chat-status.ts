import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../../telegram/context.js";
import { markBlocked, markUnblocked } from "../../users/users.js";

/**
 * Telegram tells the bot when a user blocks or unblocks it. A blocked user
 * is skipped by notices and counts as unsubscribed wherever that matters.
 */
export function chatStatusHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "kicked") await markBlocked(ctx.from.id, deps.clock.now());
    else if (status === "member") await markUnblocked(ctx.from.id);
  });
  return composer;
}

import { Composer } from "grammy";
import { markBlocked } from "../../notify/deliver.js";
import { User } from "../../users/user.model.js";
import type { BotContext, BotDeps } from "../context.js";

/**
 * Telegram tells the bot when a user blocks or unblocks it. A blocked user
 * is skipped by notices and counts as unsubscribed wherever that matters.
 */
export function chatStatusFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").on("my_chat_member", async (ctx) => {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === "kicked") await markBlocked(ctx.from.id, deps.clock.now());
    else if (status === "member") await User.updateOne({ _id: ctx.from.id }, { $set: { blockedAt: null } });
  });
  return composer;
}

import type { NextFunction } from "grammy";
import type { User as TelegramUser } from "grammy/types";
import type { Language } from "../../config.js";
import { pickLanguage } from "../../i18n/i18n.js";
import { readIdentity } from "../../teams/membership.js";
import type { BotContext } from "../../telegram/context.js";
import type { UserDoc } from "../../users/user.model.js";
import { saveProfile } from "../../users/users.js";

/**
 * Loads who is writing: their profile and their current membership with its
 * team, in one round trip (src/teams/membership.ts). Nothing is cached
 * between updates, so a deactivation or a level change takes effect on the
 * sender's next update, on every bot instance. The profile is written only
 * when Telegram's copy differs from ours (or the user had blocked the bot:
 * someone who writes or taps has unblocked it), so a plain read-only
 * command costs no write.
 */
export function loadIdentity(defaultLanguage: Language) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const from = ctx.from;
    if (!from || from.is_bot) return; // channel posts and the like: nothing for us
    const { user, membership } = await readIdentity(from.id);
    const unblocks = !ctx.myChatMember && Boolean(user?.blockedAt);
    const profile = user && !unblocks && sameProfile(user, from) ? user : await saveProfile(from, { unblock: !ctx.myChatMember });
    ctx.identity = {
      user: profile,
      membership,
      language: profile.language ?? pickLanguage(from.language_code, defaultLanguage),
    };
    await next();
  };
}

function sameProfile(user: UserDoc, from: TelegramUser): boolean {
  return (
    user.firstName === from.first_name &&
    (user.lastName ?? undefined) === from.last_name &&
    (user.username ?? undefined) === from.username &&
    (user.telegramLanguage ?? undefined) === from.language_code
  );
}

import type { NextFunction } from "grammy";
import type { Language } from "../../config.js";
import { pickLanguage } from "../../i18n/i18n.js";
import { findMembership } from "../../teams/teams.js";
import { User } from "../../users/user.model.js";
import type { BotContext } from "../../telegram/context.js";

/**
 * Loads who is writing: their profile (kept fresh from Telegram) and their
 * membership. Two round trips. Someone who writes or taps has not blocked the
 * bot, so the blocked mark is cleared, except on the block notice itself.
 */
export function loadIdentity(defaultLanguage: Language) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const from = ctx.from;
    if (!from || from.is_bot) return; // channel posts and the like: nothing for us
    const user = await User.findOneAndUpdate(
      { _id: from.id },
      {
        $set: {
          firstName: from.first_name,
          lastName: from.last_name,
          username: from.username,
          telegramLanguage: from.language_code,
          ...(ctx.myChatMember ? {} : { blockedAt: null }),
        },
      },
      { upsert: true, returnDocument: "after", setDefaultsOnInsert: true },
    ).lean();
    const membership = await findMembership(from.id);
    ctx.identity = {
      user: user!,
      membership,
      language: user?.language ?? pickLanguage(from.language_code, defaultLanguage),
    };
    await next();
  };
}

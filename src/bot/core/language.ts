import { Composer, InlineKeyboard } from "grammy";
import { SUPPORTED_LANGUAGES } from "../../config.js";
import { setChatMenu } from "../../telegram/command-menus.js";
import type { BotContext, BotDeps } from "../../telegram/context.js";
import { languageButton } from "../../telegram/core/callbacks.js";
import { setUserLanguage } from "../../users/users.js";
import { activeMembership } from "../access.js";
import { onCallback } from "../callbacks.js";
import { showInPlace } from "../ui.js";

/** /language: pick the bot's language; it sticks to the user, not to the chat. */
export function languageHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("language", async (ctx) => {
    const kb = new InlineKeyboard();
    for (const language of SUPPORTED_LANGUAGES) kb.text(deps.i18n.t(language, "language-name"), languageButton.pack({ language }));
    await ctx.reply(ctx.t("language-choose"), { reply_markup: kb });
  });

  onCallback(composer, languageButton, [], async (ctx, { language }) => {
    await setUserLanguage(ctx.from.id, language);
    ctx.identity.language = language;
    await ctx.i18n.renegotiateLocale();
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("language-set"));
    const audience = activeMembership(ctx)?.member.role ?? "guest";
    await setChatMenu(ctx.api, ctx.from.id, audience, language, deps.i18n).catch((err: unknown) =>
      deps.logger.warn({ err }, "could not set the command menu"),
    );
  });
  return composer;
}

import { Composer, InlineKeyboard } from "grammy";
import { SUPPORTED_LANGUAGES, type Language } from "../../config.js";
import { setUserLanguage } from "../../users/users.js";
import { setChatMenu } from "../command-menus.js";
import type { BotContext, BotDeps } from "../context.js";
import { activeMembership } from "../access.js";
import { showInPlace } from "../ui.js";

/** /language: pick the bot's language; it sticks to the user, not to the chat. */
export function languageFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("language", async (ctx) => {
    const kb = new InlineKeyboard();
    for (const language of SUPPORTED_LANGUAGES) kb.text(deps.i18n.t(language, "language-name"), `lang:${language}`);
    await ctx.reply(ctx.t("language-choose"), { reply_markup: kb });
  });

  composer.callbackQuery(/^lang:(.+)$/, async (ctx) => {
    const language = ctx.match[1] as Language;
    if (!SUPPORTED_LANGUAGES.includes(language)) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    await setUserLanguage(ctx.from.id, language);
    ctx.identity.language = language;
    await ctx.i18n.renegotiateLocale();
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("language-set"));
    const audience = activeMembership(ctx)?.member.role ?? "guest";
    await setChatMenu(ctx.api, ctx.from.id, audience, language, deps.i18n);
  });
  return composer;
}

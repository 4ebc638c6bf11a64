import { I18n, type I18nFlavor } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { SUPPORTED_LANGUAGES, type Language } from "../config.js";
import { localesDir } from "../shared/paths.js";

export type { I18nFlavor };
export type TranslationVars = Record<string, string | number | Date>;
/** A translate function bound to one language: what jobs and conversations use. */
export type Translate = (key: string, vars?: TranslationVars) => string;

/** Telegram's language_code ("ru", "en-US", "hi") → one of ours, else the default. */
export function pickLanguage(code: string | undefined, fallback: Language): Language {
  const base = code?.toLowerCase().split("-")[0];
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(base ?? "") ? (base as Language) : fallback;
}

/**
 * One I18n instance per process, loading locales/<lang>.ftl. The locale of an
 * update is the user's chosen language, else Telegram's, else the default.
 */
export function createI18n<C extends Context>(opts: {
  defaultLanguage: Language;
  languageOf: (ctx: C) => Language | undefined;
}): I18n<C> {
  const i18n = new I18n<C>({
    defaultLocale: opts.defaultLanguage,
    // Unicode isolation marks around arguments would show as garbage on some phones.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => opts.languageOf(ctx) ?? pickLanguage(ctx.from?.language_code, opts.defaultLanguage),
  });
  i18n.loadLocalesDirSync(localesDir);
  return i18n;
}

export function translator(i18n: I18n<never> | I18n<Context>, language: Language): Translate {
  return (key, vars) => i18n.t(language, key, vars);
}

import type { Language } from "../../src/config.js";
import { translator } from "../../src/i18n/i18n.js";
import { setChatMenu } from "../../src/telegram/command-menus.js";
import { parseCountry, parseCurrency, parseTeamName, parseTimezone } from "../../src/teams/team-profile.js";
import { createTeam } from "../../src/teams/teams.js";
import { defineScene } from "../define.js";
import { ask, confirm, type Choice } from "../kit.js";

/** Likely answers first, so most directors tap instead of typing. */
const TIMEZONES: Record<Language, string[]> = {
  en: ["Europe/London", "America/New_York", "Europe/Berlin", "UTC"],
  ru: ["Europe/Moscow", "Asia/Yekaterinburg", "Asia/Novosibirsk", "Europe/Kaliningrad"],
  hi: ["Asia/Kolkata", "Asia/Dubai", "UTC"],
};
const COUNTRIES: Record<Language, string[]> = {
  en: ["US", "GB", "DE", "AE"],
  ru: ["RU", "KZ", "BY", "UZ"],
  hi: ["IN", "AE", "NP"],
};
const CURRENCIES: Record<Language, string[]> = {
  en: ["USD", "EUR", "GBP"],
  ru: ["RUB", "USD", "EUR"],
  hi: ["INR", "USD"],
};

const asChoices = (values: string[], perRow: number): Choice[][] => {
  const rows: Choice[][] = [];
  for (let i = 0; i < values.length; i += perRow) {
    rows.push(values.slice(i, i + perRow).map((v) => ({ label: v, value: v })));
  }
  return rows;
};

/** Name, timezone, country, currency, confirm: the founder becomes the team's director. */
export const createTeamScene = defineScene("create-team", (deps) => async (conversation, ctx, language: Language) => {
  const t = translator(deps.i18n, language);
  const name = await ask(conversation, ctx, t, { prompt: t("team-create-ask-name"), parse: parseTeamName });
  const timezone = await ask(conversation, ctx, t, {
    prompt: t("team-create-ask-timezone"),
    choices: asChoices(TIMEZONES[language], 2),
    parse: parseTimezone,
  });
  const country = await ask(conversation, ctx, t, {
    prompt: t("team-create-ask-country"),
    choices: asChoices(COUNTRIES[language], 4),
    parse: parseCountry,
  });
  const currency = await ask(conversation, ctx, t, {
    prompt: t("team-create-ask-currency"),
    choices: asChoices(CURRENCIES[language], 3),
    parse: parseCurrency,
  });
  await confirm(conversation, ctx, t, t("team-create-confirm", { name, timezone, country, currency }));

  const founder = { telegramId: ctx.from!.id, name: ctx.from!.first_name };
  const created = await conversation.external(async () => {
    const result = await createTeam({ founder, name, timezone, country, currency, language, now: deps.clock.now() });
    return result.ok ? null : result.error;
  });
  if (created !== null) {
    await ctx.reply(t("team-create-already-member"));
    return;
  }
  // The director's "/" menu; a cosmetic call, so a failure must not spoil the team just created.
  try {
    await setChatMenu(ctx.api, founder.telegramId, "director", language, deps.i18n);
  } catch (err) {
    deps.logger.warn({ err }, "could not set the director's command menu");
  }
  await ctx.reply(t("team-created", { name }));
});

import { InlineKeyboard } from "grammy";
import type { BonusLineDoc } from "../../bonuses/bonus-line.model.js";
import type { ManagerStatement, TeamStatement } from "../../bonuses/statements.js";
import type { Translate } from "../../i18n/i18n.js";
import dayjs from "../../shared/dayjs.js";
import { formatAmount } from "../../shared/parse/amount.js";
import type { BonusPlan } from "../../teams/team-settings.js";
import type { View } from "../teams/views.js";
import { bonusPlanButton, MULTIPLIERS, planMultiplierButton, planRetentionButton, planSwitchButton, planValueButton } from "./callbacks.js";

export interface MoneyFormat {
  currency: string;
  language: string;
  timezone: string;
}

/** Upcoming releases listed under "Held" (the total covers them all). */
const SHOWN_RELEASES = 10;

export const monthLabel = (month: string, language: string): string =>
  new Intl.DateTimeFormat(language, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${month}-15T00:00:00Z`));

const percent = (bp: number, language: string) => new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(bp / 100) + "%";

function lineText(t: Translate, line: BonusLineDoc, clientName: string, f: MoneyFormat): string {
  const date = dayjs(line.dealAt).tz(f.timezone).format("DD.MM");
  const rate = line.rateBp === null ? "" : ` ${percent(line.rateBp, f.language)}`;
  const held = line.status === "held" && line.releaseAt ? " " + t("bonus-held-until", { date: dayjs(line.releaseAt).tz(f.timezone).format("DD.MM.YYYY") }) : "";
  const resolved = line.status === "released" || line.status === "forfeited" ? ` (${t(`bonus-status-${line.status}`)})` : "";
  return `• ${date} ${clientName} · ${t(`bonus-kind-${line.kind}`)}${rate} · ${formatAmount(line.amountMinor, f.currency, f.language)}${held}${resolved}`;
}

/** A manager's statement (monthly, or month to date for /bonus). */
export function statementView(
  t: Translate,
  s: ManagerStatement,
  f: MoneyFormat,
  clientNames: ReadonlyMap<string, string>,
  title: "bonus-statement-title" | "bonus-mtd-title",
  month: string,
): View {
  const money = (minor: number) => formatAmount(minor, f.currency, f.language);
  const sum = s.summary;
  const lines = [
    t(title, { month: monthLabel(month, f.language) }),
    t("bonus-payable", { amount: money(sum.payableMinor) }),
    t("bonus-by-kind", { base: money(sum.byKind.base), uplift: money(sum.byKind.uplift), acquisition: money(sum.byKind.acquisition) }),
  ];
  if (sum.releasedMinor) lines.push(t("bonus-released-in-month", { amount: money(sum.releasedMinor) }));
  if (sum.heldMinor) {
    lines.push(t("bonus-held", { amount: money(sum.heldMinor) }));
    for (const r of sum.upcomingReleases.slice(0, SHOWN_RELEASES)) {
      lines.push(t("bonus-release-line", { amount: money(r.amountMinor), date: dayjs(r.releaseAt).tz(f.timezone).format("DD.MM.YYYY") }));
    }
  }
  if (s.forfeits.length) {
    lines.push(t("bonus-forfeited", { amount: money(sum.forfeitedMinor) }));
    for (const x of s.forfeits) lines.push(t("bonus-forfeit-line", { amount: money(x.amountMinor), count: x.count, reason: t(`bonus-reason-${x.reason}`) }));
  }
  if (s.lines.length) {
    lines.push("", t("bonus-lines", { shown: s.lines.length, total: s.lineCount }));
    lines.push(...s.lines.map((l) => lineText(t, l, clientNames.get(String(l.clientId)) ?? "?", f)));
  }
  return { text: lines.join("\n") };
}

function teamSummaryText(t: Translate, team: TeamStatement, f: MoneyFormat, title: "bonus-team-title" | "bonus-team-mtd-title"): string {
  const money = (minor: number) => formatAmount(minor, f.currency, f.language);
  const lines = [t(title, { month: monthLabel(team.month, f.language) })];
  // One line per manager: a long team's summary goes out as several messages, split at line breaks.
  for (const m of team.managers) {
    lines.push(t("bonus-team-line", { name: m.name, payable: money(m.summary.payableMinor), held: money(m.summary.heldMinor), forfeited: money(m.summary.forfeitedMinor) }));
  }
  if (team.managers.length === 0) lines.push(t("bonus-team-empty"));
  lines.push(t("bonus-team-total", { payable: money(team.total.payableMinor), held: money(team.total.heldMinor), forfeited: money(team.total.forfeitedMinor) }));
  return lines.join("\n");
}

/** /bonus for a director: the team's month to date, and the way to the plan. */
export function teamToDateView(t: Translate, team: TeamStatement, f: MoneyFormat): View {
  return { text: teamSummaryText(t, team, f, "bonus-team-mtd-title"), keyboard: new InlineKeyboard().text(t("btn-bonus-plan"), bonusPlanButton.pack({})) };
}

/** The directors' monthly statement: the team summary, as the caption of the CSV of every line. */
export function teamStatementCaption(t: Translate, team: TeamStatement, f: MoneyFormat): string {
  return `${teamSummaryText(t, team, f, "bonus-team-title")}\n\n📎 ${t("bonus-csv-caption", { month: monthLabel(team.month, f.language) })}`;
}

/** "Holdback ended" notice for one manager. */
export function holdbackNoticeView(t: Translate, lines: readonly BonusLineDoc[], clientNames: ReadonlyMap<string, string>, f: MoneyFormat): View {
  const money = (minor: number) => formatAmount(minor, f.currency, f.language);
  const text = [
    t("bonus-holdback-ended"),
    ...lines.map((l) =>
      t(l.status === "released" ? "bonus-released-line" : "bonus-forfeited-line", {
        amount: money(l.amountMinor),
        client: clientNames.get(String(l.clientId)) ?? "?",
        reason: t(`bonus-reason-${l.reason}`),
      }),
    ),
  ].join("\n");
  return { text };
}

/** The director's plan screen: the plan in words, and a button per setting (switches show their state). */
export function planView(t: Translate, plan: BonusPlan, f: MoneyFormat): View {
  const onOff = (on: boolean) => t(on ? "setting-on" : "setting-off");
  const keyboard = new InlineKeyboard().text(t("bonus-setting-baseRateBp"), planValueButton.pack({ setting: "baseRateBp" })).row();
  for (const x of MULTIPLIERS) keyboard.text(plan.newClientMultiplier === Number(x) ? `• ×${x} •` : `×${x}`, planMultiplierButton.pack({ multiplier: x }));
  const otherRetention = plan.retention === "not-lost" ? "repeat-deal" : "not-lost";
  keyboard
    .row()
    .text(`${t("bonus-setting-halving")}: ${onOff(plan.halving)}`, planSwitchButton.pack({ setting: "halving", on: !plan.halving }))
    .row()
    .text(`${t("bonus-setting-capAtProfit")}: ${onOff(plan.capAtProfit)}`, planSwitchButton.pack({ setting: "capAtProfit", on: !plan.capAtProfit }))
    .row()
    .text(t("bonus-setting-holdbackMonths"), planValueButton.pack({ setting: "holdbackMonths" }))
    .text(t(`bonus-retention-${otherRetention}`), planRetentionButton.pack({ retention: otherRetention }))
    .row()
    .text(t("bonus-setting-acquisitionBonusMinor"), planValueButton.pack({ setting: "acquisitionBonusMinor" }));
  const text = t("bonus-plan", {
    base: percent(plan.baseRateBp, f.language),
    multiplier: plan.newClientMultiplier,
    halving: onOff(plan.halving),
    cap: onOff(plan.capAtProfit),
    holdback: plan.holdbackMonths,
    retention: t(`bonus-retention-${plan.retention}`),
    acquisition: formatAmount(plan.acquisitionBonusMinor, f.currency, f.language),
  });
  return { text, keyboard };
}

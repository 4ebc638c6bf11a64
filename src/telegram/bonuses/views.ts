import type { BonusLineDoc } from "../../bonuses/bonus-line.model.js";
import type { ManagerStatement, TeamStatement } from "../../bonuses/statements.js";
import type { Translate } from "../../i18n/i18n.js";
import dayjs from "../../shared/dayjs.js";
import { formatAmount } from "../../shared/parse/amount.js";
import type { BonusPlan } from "../../teams/team-settings.js";

export interface MoneyFormat {
  currency: string;
  language: string;
  timezone: string;
}

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
export function renderStatement(
  t: Translate,
  s: ManagerStatement,
  f: MoneyFormat,
  clientNames: ReadonlyMap<string, string>,
  title: "bonus-statement-title" | "bonus-mtd-title",
  month: string,
): string {
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
    for (const r of sum.upcomingReleases.slice(0, 10)) {
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
  return lines.join("\n");
}

/** The director's team summary of a month. */
export function renderTeamSummary(t: Translate, team: TeamStatement, f: MoneyFormat, title: "bonus-team-title" | "bonus-team-mtd-title"): string {
  const money = (minor: number) => formatAmount(minor, f.currency, f.language);
  const lines = [t(title, { month: monthLabel(team.month, f.language) })];
  for (const m of team.managers) {
    lines.push(t("bonus-team-line", { name: m.name, payable: money(m.summary.payableMinor), held: money(m.summary.heldMinor), forfeited: money(m.summary.forfeitedMinor) }));
  }
  if (team.managers.length === 0) lines.push(t("bonus-team-empty"));
  lines.push(t("bonus-team-total", { payable: money(team.total.payableMinor), held: money(team.total.heldMinor), forfeited: money(team.total.forfeitedMinor) }));
  return lines.join("\n");
}

/** "Holdback ended" notice for one manager. */
export function renderResolutions(t: Translate, lines: BonusLineDoc[], clientNames: ReadonlyMap<string, string>, f: MoneyFormat): string {
  const money = (minor: number) => formatAmount(minor, f.currency, f.language);
  return [
    t("bonus-holdback-ended"),
    ...lines.map((l) =>
      t(l.status === "released" ? "bonus-released-line" : "bonus-forfeited-line", {
        amount: money(l.amountMinor),
        client: clientNames.get(String(l.clientId)) ?? "?",
        reason: t(`bonus-reason-${l.reason}`),
      }),
    ),
  ].join("\n");
}

export function renderPlan(t: Translate, plan: BonusPlan, f: MoneyFormat): string {
  return t("bonus-plan", {
    base: percent(plan.baseRateBp, f.language),
    multiplier: plan.newClientMultiplier,
    halving: t(plan.halving ? "setting-on" : "setting-off"),
    cap: t(plan.capAtProfit ? "setting-on" : "setting-off"),
    holdback: plan.holdbackMonths,
    retention: t(`bonus-retention-${plan.retention}`),
    acquisition: formatAmount(plan.acquisitionBonusMinor, f.currency, f.language),
  });
}

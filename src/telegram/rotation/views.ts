import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/i18n.js";
import type { PastRunsPage } from "../../rotation/history.js";
import type { PendingReport } from "../../rotation/reports.js";
import { NUMERIC_SETTINGS, TOGGLE_SETTINGS } from "../../rotation/setting-keys.js";
import type { RunPreview } from "../../rotation/start-run.js";
import type { NamedTally } from "../../rotation/tally.js";
import type { PlanNote } from "../../rotation/types.js";
import type { RotationSettings } from "../../teams/team-settings.js";
import { clientCardButton } from "../clients/callbacks.js";
import { buttonLabel } from "../limits.js";
import {
  historyButton,
  numericSettingButton,
  previewButton,
  reportButton,
  reportListButton,
  rotationMenuButton,
  runConfirmButton,
  runNowButton,
  settingsButton,
  toggleSettingButton,
} from "./callbacks.js";
import { fitSections } from "./fit.js";
import { dateTime, lastDay } from "./format.js";

/**
 * What a director sees under /rotation and what a manager sees under
 * /reports: pure functions of the data, sized to Telegram's limits.
 */

export interface View {
  text: string;
  keyboard?: InlineKeyboard;
}

/** Preview lists: at most this many lines each (fewer when the names are long). */
const PREVIEW_MOVE_LINES = 15;
const PREVIEW_TALLY_LINES = 15;
const NOTE_LINES = 10;
/** Open reports per page of /reports. */
export const REPORTS_PER_PAGE = 10;

const onOff = (t: Translate, on: boolean) => t(on ? "setting-on" : "setting-off");

function settingsText(t: Translate, s: RotationSettings): string {
  return t("rotation-settings", {
    enabled: onOff(t, s.enabled),
    neverBought: onOff(t, s.neverBoughtEnabled),
    neverBoughtMonths: s.neverBoughtMonths,
    lapsed: onOff(t, s.lapsedEnabled),
    lapsedMonths: s.lapsedMonths,
    reportDays: s.reportDays,
    runAt: s.runAt,
  });
}

/** /rotation: the rules in force, and where to go from here. */
export function rotationMenuView(t: Translate, s: RotationSettings): View {
  const keyboard = new InlineKeyboard()
    .text(t("btn-rotation-preview"), previewButton.pack({}))
    .row()
    .text(t("btn-rotation-settings"), settingsButton.pack({}))
    .text(t("btn-rotation-history"), historyButton.pack({ page: 0 }));
  return { text: settingsText(t, s), keyboard };
}

/** The rules with a button per rule: switches flip, thresholds ask for a number. */
export function rotationSettingsView(t: Translate, s: RotationSettings): View {
  const keyboard = new InlineKeyboard();
  for (const key of TOGGLE_SETTINGS) keyboard.text(`${t(`rotation-setting-${key}`)}: ${onOff(t, s[key])}`, toggleSettingButton.pack({ key })).row();
  for (const key of NUMERIC_SETTINGS) keyboard.text(`${t(`rotation-setting-${key}`)}: ${s[key]}`, numericSettingButton.pack({ key })).row();
  keyboard.text(t("btn-back"), rotationMenuButton.pack({}));
  return { text: settingsText(t, s), keyboard };
}

export const tallyLine = (t: Translate, m: NamedTally): string =>
  t(m.imbalance === 0 ? "rotation-tally-even" : "rotation-tally-uneven", {
    name: m.name,
    gave: m.gave,
    received: m.received,
    fromPool: m.fromPool,
    imbalance: m.imbalance > 0 ? `+${m.imbalance}` : String(m.imbalance),
  });

export function noteLine(t: Translate, note: PlanNote, names: ReadonlyMap<string, string>): string {
  switch (note.code) {
    case "single-manager-level":
      return t("rotation-note-single-manager-level", { level: note.level, count: note.unplaced });
    case "key-accounts-kept-on-level":
      return t("rotation-note-key-accounts-kept", { level: note.level, count: note.count });
    case "pool-exhausted":
      return t("rotation-note-pool-exhausted", { name: names.get(note.managerId) ?? "?", count: note.missing });
    case "clients-with-inactive-owner":
      return t("rotation-note-inactive-owner", { count: note.count });
    case "nearest-level":
      return t("rotation-note-nearest-level", { level: note.level, used: note.usedLevel });
    default:
      return t(`rotation-note-${note.code}`);
  }
}

export const noteLines = (t: Translate, notes: readonly PlanNote[], names: ReadonlyMap<string, string>): string[] =>
  notes.map((n) => "• " + noteLine(t, n, names));

/**
 * The preview of the next nightly run: who would move where and why, each
 * manager's balance, the planner's remarks. One message in any language and
 * team size (long lists end in "…and N more"), so "Run now" is always there.
 */
export function previewView(t: Translate, p: RunPreview): View {
  const moves = p.moves.map((m) =>
    t("rotation-preview-line", { client: m.clientName, from: m.fromName ?? t("free-pool"), to: m.toName, reason: t(`reason-${m.reason}`) }),
  );
  const text = fitSections(
    t,
    [t("rotation-preview-title", { date: dateTime(p.runAt, p.timezone), count: p.moveCount })],
    [
      { lines: moves, max: PREVIEW_MOVE_LINES, unlisted: p.moveCount - moves.length },
      { head: [""], lines: p.tallies.map((m) => tallyLine(t, m)), max: PREVIEW_TALLY_LINES },
      { lines: noteLines(t, p.notes, p.names), max: NOTE_LINES },
    ],
  );
  const keyboard = new InlineKeyboard();
  if (p.token !== null) keyboard.text(t("btn-rotation-run-now"), runNowButton.pack({ token: p.token })).row();
  keyboard.text(t("btn-back"), rotationMenuButton.pack({}));
  return { text, keyboard };
}

export function confirmRunView(t: Translate, token: string): View {
  const keyboard = new InlineKeyboard()
    .text(t("btn-rotation-run-confirm"), runConfirmButton.pack({ token }))
    .row()
    .text(t("btn-back"), previewButton.pack({}));
  return { text: t("rotation-run-confirm"), keyboard };
}

export const runStartedView = (t: Translate): View => ({ text: t("rotation-run-started") });

/** Past runs, newest first, a page at a time. */
export function historyView(t: Translate, h: PastRunsPage, timezone: string): View {
  const lines = [t("rotation-history-title")];
  for (const r of h.runs) {
    lines.push(t("rotation-history-line", { date: dateTime(r.plannedAt, timezone), kind: t(`rotation-kind-${r.kind}`), moved: r.moved, skipped: r.skipped }));
  }
  if (h.runs.length === 0) lines.push(t("rotation-history-empty"));
  if (h.pages > 1) lines.push("", t("page-of", { page: h.page + 1, pages: h.pages }));
  const keyboard = new InlineKeyboard();
  if (h.page > 0) keyboard.text("◀", historyButton.pack({ page: h.page - 1 }));
  if (h.page < h.pages - 1) keyboard.text("▶", historyButton.pack({ page: h.page + 1 }));
  keyboard.row().text(t("btn-back"), rotationMenuButton.pack({}));
  return { text: lines.join("\n"), keyboard };
}

/** /reports: the open reports, soonest due first, a page of buttons at a time. */
export function reportsListView(t: Translate, reports: readonly PendingReport[], timezone: string, page: number): View {
  if (reports.length === 0) return { text: t("reports-none") };
  const pages = Math.ceil(reports.length / REPORTS_PER_PAGE);
  const current = Math.min(Math.max(page, 0), pages - 1);
  const keyboard = new InlineKeyboard();
  for (const r of reports.slice(current * REPORTS_PER_PAGE, (current + 1) * REPORTS_PER_PAGE)) {
    keyboard.text(buttonLabel(`${r.clientName} · ${lastDay(r.dueAt, timezone, "DD.MM")}`), reportButton.pack({ clientId: r.clientId })).row();
  }
  if (current > 0) keyboard.text("◀", reportListButton.pack({ page: current - 1 }));
  if (current < pages - 1) keyboard.text("▶", reportListButton.pack({ page: current + 1 }));
  const text = t("reports-title", { count: reports.length }) + (pages > 1 ? `\n${t("page-of", { page: current + 1, pages })}` : "");
  return { text, keyboard };
}

/** After the report is saved: a way back to the client. */
export function reportSavedView(t: Translate, clientName: string, clientId: string): View {
  return {
    text: t("report-saved", { client: clientName }),
    keyboard: new InlineKeyboard().text(t("btn-open-card"), clientCardButton.pack({ clientId, page: 0 })),
  };
}

/** A use case's refusal of the actor (deactivated meanwhile, or not a director). */
export const refusalText = (t: Translate, error: "not-a-member" | "not-allowed"): string =>
  t(error === "not-allowed" ? "access-directors-only" : "access-no-longer-member");

import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/i18n.js";
import type { MemberNotice, RunOutcome } from "../../rotation/notices.js";
import type { ReminderKind } from "../../rotation/reports.js";
import type { RunKind } from "../../rotation/run-team.js";
import type { PlanNote } from "../../rotation/types.js";
import { clientCardButton } from "../clients/callbacks.js";
import { buttonLabel } from "../limits.js";
import { reportButton } from "./callbacks.js";
import { fitSections } from "./fit.js";
import { dateTime, lastDay } from "./format.js";
import { noteLines, tallyLine, type View } from "./views.js";

/**
 * What rotation sends outside an update (through the outbound path): a
 * manager's notice after a run, the director's summary, report reminders, the
 * overdue warning, and word that a run could not be finished. Each fits one
 * message whatever the team's size, names or language.
 */

/** Lines of one list in a notice or summary (fewer when the names are long). */
const LIST_LINES = 25;
const NOTE_LINES = 10;
/** Clients in a notice that get their own "card" and "report" buttons (the rest: /reports). */
const NOTICE_BUTTONS = 6;

/** A manager's one notice for a run: clients received (reason, previous owner, report deadline) and given away. */
export function noticeView(t: Translate, notice: MemberNotice, reportDueAt: Date, timezone: string): View {
  const text = fitSections(
    t,
    [t("rotation-notice-title")],
    [
      {
        head: ["", t("rotation-received", { count: notice.received.length })],
        lines: notice.received.map((r) => t("rotation-received-line", { name: r.name, reason: t(`reason-${r.reason}`), from: r.fromName ?? t("free-pool") })),
        max: LIST_LINES,
        foot: [t("rotation-report-by", { date: lastDay(reportDueAt, timezone) })],
      },
      {
        head: ["", t("rotation-given", { count: notice.given.length })],
        lines: notice.given.map((g) => t("rotation-given-line", { name: g.name, to: g.toName })),
        max: LIST_LINES,
      },
    ],
  );
  const keyboard = new InlineKeyboard();
  for (const r of notice.received.slice(0, NOTICE_BUTTONS)) {
    keyboard.text(buttonLabel(`📖 ${r.name}`, 40), clientCardButton.pack({ clientId: r.clientId, page: 0 })).text(t("btn-report"), reportButton.pack({ clientId: r.clientId })).row();
  }
  return { text, keyboard };
}

export interface SummaryRun {
  kind: RunKind;
  plannedAt: Date;
  unplacedCount: number;
  notes: PlanNote[];
  skipped: unknown[];
}

/** Notes that are for the logs, not for a director. */
const INTERNAL_NOTES = new Set<PlanNote["code"]>(["duplicate-ids", "not-owned-by-leaving-manager", "leaving-manager-unknown"]);

/** The director's summary of a run: counts, each manager's balance (uneven first), the planner's remarks. */
export function summaryView(t: Translate, run: SummaryRun, outcome: RunOutcome, timezone: string): View {
  const counts =
    run.kind === "deactivation"
      ? // Whatever nobody could take, or that changed meanwhile, went to the free pool.
        t("rotation-summary-counts-deactivation", { moved: outcome.moved, pooled: run.unplacedCount + run.skipped.length })
      : t("rotation-summary-counts", { moved: outcome.moved, skipped: outcome.skipped, stayed: run.unplacedCount });
  const text = fitSections(
    t,
    [t("rotation-summary-title", { date: dateTime(run.plannedAt, timezone), kind: t(`rotation-kind-${run.kind}`) }), counts],
    [
      { head: [""], lines: outcome.tallies.map((m) => tallyLine(t, m)), max: LIST_LINES },
      {
        head: [""],
        lines: noteLines(
          t,
          run.notes.filter((n) => !INTERNAL_NOTES.has(n.code)),
          outcome.names,
        ),
        max: NOTE_LINES,
      },
    ],
  );
  return { text };
}

export interface ReminderData {
  kind: ReminderKind;
  clientId: string;
  clientName: string;
  managerName: string;
  dueAt: Date;
  timezone: string;
}

/** The new owner's reminder (the day before, on the day) with the report and card buttons. */
export function reminderView(t: Translate, r: ReminderData): View {
  const text = t(r.kind === "before" ? "report-reminder-before" : "report-reminder-on-day", { client: r.clientName, date: lastDay(r.dueAt, r.timezone) });
  const keyboard = new InlineKeyboard()
    .text(t("btn-report"), reportButton.pack({ clientId: r.clientId }))
    .text(buttonLabel(`📖 ${r.clientName}`, 40), clientCardButton.pack({ clientId: r.clientId, page: 0 }));
  return { text, keyboard };
}

/** The directors' warning that a report is overdue. */
export function overdueView(t: Translate, r: ReminderData): View {
  return { text: t("report-overdue-director", { manager: r.managerName, client: r.clientName, date: lastDay(r.dueAt, r.timezone) }) };
}

/** The job gave up: what happened, what is safe, what to do. */
export function runFailedView(t: Translate, kind: RunKind): View {
  return { text: t("rotation-run-failed", { kind: t(`rotation-kind-${kind}`) }) };
}

import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/i18n.js";
import type { MemberNotice, RunOutcome } from "../../rotation/notices.js";
import type { RunKind } from "../../rotation/rotation-run.model.js";
import type { PlanNote } from "../../rotation/types.js";
import dayjs from "../../shared/dayjs.js";

/** Lines listed in one message before "…and N more" (Telegram caps a message at 4096 characters). */
const MAX_LINES = 25;
const MAX_BUTTONS = 6;

function capped(lines: string[], t: Translate): string[] {
  return lines.length <= MAX_LINES ? lines : [...lines.slice(0, MAX_LINES), t("rotation-more", { count: lines.length - MAX_LINES })];
}

/** A manager's one notice for a run: clients received (reason, previous owner, report deadline) and given away. */
export function renderNotice(t: Translate, notice: MemberNotice, dueAt: Date, timezone: string): { text: string; keyboard: InlineKeyboard } {
  const lines = [t("rotation-notice-title")];
  if (notice.received.length) {
    lines.push("", t("rotation-received", { count: notice.received.length }));
    lines.push(
      ...capped(
        notice.received.map((r) =>
          t("rotation-received-line", {
            name: r.name,
            reason: t(`reason-${r.reason}`),
            from: r.fromName ?? t("free-pool"),
          }),
        ),
        t,
      ),
    );
    lines.push(t("rotation-report-by", { date: dayjs(dueAt).tz(timezone).subtract(1, "minute").format("DD.MM.YYYY") }));
  }
  if (notice.given.length) {
    lines.push("", t("rotation-given", { count: notice.given.length }));
    lines.push(...capped(notice.given.map((g) => t("rotation-given-line", { name: g.name, to: g.toName })), t));
  }
  const kb = new InlineKeyboard();
  for (const r of notice.received.slice(0, MAX_BUTTONS)) {
    kb.text(`📖 ${r.name}`.slice(0, 40), `cl:v:${r.clientId}:0`).text(t("btn-report"), `rr:${r.clientId}`).row();
  }
  return { text: lines.join("\n"), keyboard: kb };
}

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

/** The director's summary of a run. */
export function renderSummary(
  t: Translate,
  run: { kind: RunKind; plannedAt: Date; unplacedCount: number; notes: PlanNote[]; skipped: unknown[] },
  outcome: RunOutcome,
  timezone: string,
  names: ReadonlyMap<string, string>,
): string {
  const lines = [
    t("rotation-summary-title", { date: dayjs(run.plannedAt).tz(timezone).format("DD.MM.YYYY HH:mm"), kind: t(`rotation-kind-${run.kind}`) }),
    run.kind === "deactivation"
      ? // Whatever nobody could take, or that changed meanwhile, went to the free pool.
        t("rotation-summary-counts-deactivation", { moved: outcome.moved, pooled: run.unplacedCount + run.skipped.length })
      : t("rotation-summary-counts", { moved: outcome.moved, skipped: outcome.skipped, stayed: run.unplacedCount }),
  ];
  if (outcome.tallies.length) {
    lines.push("");
    lines.push(
      ...capped(
        outcome.tallies.map((m) => t(m.imbalance === 0 ? "rotation-tally-even" : "rotation-tally-uneven", { ...m, imbalance: m.imbalance > 0 ? `+${m.imbalance}` : String(m.imbalance) })),
        t,
      ),
    );
  }
  const notes = run.notes.filter((n) => n.code !== "duplicate-ids" && n.code !== "not-owned-by-leaving-manager" && n.code !== "leaving-manager-unknown");
  if (notes.length) lines.push("", ...notes.map((n) => "• " + noteLine(t, n, names)));
  return lines.join("\n");
}

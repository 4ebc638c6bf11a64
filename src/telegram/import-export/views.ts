import { InlineKeyboard } from "grammy";
import { CONTACT_KINDS } from "../../clients/client-event.model.js";
import { EXPORT_KINDS, type ExportColumn, type ExportKind, type ExportLabels } from "../../clients/export/rows.js";
import type { ImportCounts, ImportDoc, ImportFailure, RowProblem } from "../../clients/import/import.model.js";
import { SkippedRows } from "../../clients/import/skipped-rows.js";
import type { ImportOwner, ImportOwnerChoice } from "../../clients/import/use-cases.js";
import type { Translate } from "../../i18n/i18n.js";
import { buttonLabel } from "../limits.js";
import { exportButton, importCancelButton, importConfirmButton, importOwnerButton, importPreviewButton } from "./callbacks.js";

export interface View {
  text: string;
  keyboard?: InlineKeyboard;
}

/**
 * Texts and buttons of the CSV import and the exports, shared by the bot
 * (buttons) and the jobs (preview, progress, report, files). Telegram
 * messages hold 4096 characters: values from the file are clipped, lists are
 * cut short and owner buttons are paged; the complete list of rows not
 * imported goes out as a CSV file.
 */

const VALUE_CHARS = 40;
const MAX_COLUMN_LINES = 20;
export const MAX_SAMPLE_LINES = 10;

const clip = (text: string, max = VALUE_CHARS) => (text.length > max ? text.slice(0, max - 1) + "…" : text);

/** Why a row was not imported, without the row number: the `reason` cell of the CSV. */
export function problemText(t: Translate, p: RowProblem): string {
  switch (p.kind) {
    case "bad":
      return t(`import-bad-${p.code}`, { value: clip(p.detail ?? "") });
    case "file":
      return t("import-dup-file", { reason: t(`import-reason-${p.code}`), of: String(p.ofRow) });
    case "team":
      return t("import-dup-team", {
        reason: t(`import-reason-${p.code}`),
        client: clip(p.clientName),
        holder: p.holder ?? t("import-free-pool"),
      });
  }
}

// Row numbers as strings: Fluent would group them ("Row 5,001"); counts keep the grouping.
export const problemLine = (t: Translate, p: RowProblem) => t("import-row-line", { row: String(p.row), text: problemText(t, p) });

function problemList(t: Translate, samples: RowProblem[], total: number): string {
  if (total === 0) return "";
  const lines = samples.slice(0, MAX_SAMPLE_LINES).map((p) => `• ${problemLine(t, p)}`);
  if (total > lines.length) lines.push(t("import-more", { count: total - lines.length }));
  return `\n\n${t("import-problems-title")}\n${lines.join("\n")}`;
}

const countsLine = (t: Translate, c: ImportCounts) =>
  t("import-counts", { rows: c.rows, valid: c.valid, bad: c.bad, duplicates: c.duplicates });

/** What the file holds and what would happen to it. */
export function previewText(t: Translate, imp: Pick<ImportDoc, "fileName" | "columns" | "preview" | "samples">): string {
  const columns = imp.columns.slice(0, MAX_COLUMN_LINES).map((c) =>
    c.field
      ? t("import-column", { header: clip(c.header || "—"), field: t(`import-field-${c.field}`) })
      : t("import-column-ignored", { header: clip(c.header || "—") }),
  );
  if (imp.columns.length > MAX_COLUMN_LINES) columns.push(t("import-more", { count: imp.columns.length - MAX_COLUMN_LINES }));
  const counts = imp.preview ?? { rows: 0, valid: 0, bad: 0, duplicates: 0 };
  const question = counts.valid > 0 ? t("import-ask-owner", { count: counts.valid }) : t("import-nothing-new");
  return (
    t("import-preview", { file: clip(imp.fileName), columns: columns.join("\n"), counts: countsLine(t, counts) }) +
    problemList(t, imp.samples, counts.bad + counts.duplicates) +
    `\n\n${question}`
  );
}

/** Owner buttons per page of the preview: two per row, well inside Telegram's 100 buttons whatever the team's size. */
export const OWNERS_PER_PAGE = 20;

/**
 * The preview: what the file holds and, when something can be imported, the
 * owner choices (the free pool, then the active managers by name, a page at
 * a time), then Cancel.
 */
export function previewView(
  t: Translate,
  imp: Pick<ImportDoc, "_id" | "fileName" | "columns" | "preview" | "samples">,
  owners: readonly ImportOwnerChoice[],
  page = 0,
): View {
  const keyboard = new InlineKeyboard();
  const importId = String(imp._id);
  let text = previewText(t, imp);
  if ((imp.preview?.valid ?? 0) > 0) {
    keyboard.text(t("btn-import-pool"), importOwnerButton.pack({ importId, owner: null })).row();
    const pages = Math.max(1, Math.ceil(owners.length / OWNERS_PER_PAGE));
    const current = Math.min(Math.max(page, 0), pages - 1);
    owners.slice(current * OWNERS_PER_PAGE, (current + 1) * OWNERS_PER_PAGE).forEach((m, i) => {
      keyboard.text(buttonLabel(`👤 ${m.name}`, 32), importOwnerButton.pack({ importId, owner: String(m._id) }));
      if (i % 2 === 1) keyboard.row();
    });
    keyboard.row();
    if (pages > 1) {
      if (current > 0) keyboard.text("◀", importPreviewButton.pack({ importId, page: current - 1 }));
      if (current < pages - 1) keyboard.text("▶", importPreviewButton.pack({ importId, page: current + 1 }));
      keyboard.row();
      text += `\n${t("page-of", { page: current + 1, pages })}`;
    }
  }
  keyboard.text(t("btn-cancel"), importCancelButton.pack({ importId }));
  return { text, keyboard };
}

/** "Import N clients for X?" with Confirm and Back (to the preview's first page). */
export function confirmView(t: Translate, imp: Pick<ImportDoc, "_id" | "preview">, owner: ImportOwner): View {
  const importId = String(imp._id);
  const count = imp.preview?.valid ?? 0;
  const text = owner.name ? t("import-confirm-owner", { count, name: owner.name }) : t("import-confirm-pool", { count });
  const keyboard = new InlineKeyboard()
    .text(t("btn-confirm"), importConfirmButton.pack({ importId, owner: owner.id ? String(owner.id) : null }))
    .row()
    .text(t("btn-back"), importPreviewButton.pack({ importId, page: 0 }));
  return { text, keyboard };
}

export const startedText = (t: Translate, imp: Pick<ImportDoc, "fileName" | "preview">) =>
  t("import-started", { count: imp.preview?.valid ?? 0, file: imp.fileName });

export const cancelledText = (t: Translate, imp: Pick<ImportDoc, "fileName">) => t("import-cancelled", { file: imp.fileName });

/** Why the file as a whole could not be used, and what to do. */
export function fileFailureText(
  t: Translate,
  imp: Pick<ImportDoc, "fileName">,
  failure: { failure: ImportFailure; line: number | null; headers: string[] },
  maxRows: number,
): string {
  return t(`import-file-${failure.failure}`, {
    file: imp.fileName,
    line: String(failure.line ?? "?"),
    max: maxRows,
    headers: failure.headers.join(", ") || "—",
  });
}

/** The CSV of rows left out goes with this caption. */
export const skippedCaption = (t: Translate, imp: Pick<ImportDoc, "fileName">, rows: number) =>
  t("import-skipped-caption", { file: imp.fileName, count: rows });

/** The preview message while the import runs; `finished` leaves it saying so once the report is out. */
export function progressText(t: Translate, imp: Pick<ImportDoc, "fileName" | "preview">, done: number, finished = false): string {
  return t(finished ? "import-progress-done" : "import-progress", { file: clip(imp.fileName), done, total: imp.preview?.rows ?? done });
}

/** The final word: how many clients, for whom, and what was left out. */
export function reportText(t: Translate, imp: Pick<ImportDoc, "fileName">, counts: ImportCounts, owner: string | null, samples: RowProblem[]): string {
  const skipped = counts.bad + counts.duplicates;
  return (
    t("import-done", {
      file: clip(imp.fileName),
      created: counts.valid,
      owner: owner ?? t("import-free-pool"),
      duplicates: counts.duplicates,
      bad: counts.bad,
    }) +
    problemList(t, samples, skipped) +
    (skipped > 0 ? `\n\n${t("import-done-file")}` : "")
  );
}

/** The CSV of rows left out, with the row and reason columns in the director's language. */
export function skippedRows(t: Translate, uploadName: string): SkippedRows {
  return new SkippedRows({
    uploadName,
    labels: { row: t("import-col-row"), reason: t("import-col-reason") },
    reasonOf: (p) => problemText(t, p),
    maxSamples: MAX_SAMPLE_LINES,
  });
}

/** /export: one button per kind. */
export function exportMenuView(t: Translate): View {
  const keyboard = new InlineKeyboard();
  for (const kind of EXPORT_KINDS) keyboard.text(t(`btn-export-${kind}`), exportButton.pack({ kind })).row();
  return { text: t("export-choose"), keyboard };
}

export const exportWorkingText = (t: Translate, kind: ExportKind) => t("export-working", { what: t(`export-what-${kind}`) });

export const exportColumnTitle = (t: Translate) => (column: ExportColumn) => t(`export-col-${column}`);

export function exportLabels(t: Translate): ExportLabels {
  return {
    yes: t("export-yes"),
    no: t("export-no"),
    freePool: t("import-free-pool"),
    status: { active: t("export-status-active"), lost: t("export-status-lost") },
    contactKind: Object.fromEntries(CONTACT_KINDS.map((k) => [k, t(`export-contact-${k}`)])) as ExportLabels["contactKind"],
    followUp: { scheduled: t("export-follow-up-scheduled"), sent: t("export-follow-up-sent"), done: t("export-follow-up-done") },
  };
}

export const exportCaption = (t: Translate, kind: ExportKind, file: { rows: number; teamName: string; date: string }) =>
  t("export-caption", { what: t(`export-what-${kind}`), count: file.rows, team: file.teamName, date: file.date });

/** A job gave up on an export: what failed and what to do. */
export const exportFailedText = (t: Translate, kind: ExportKind) => t("export-failed", { what: t(`export-what-${kind}`) });

/** A job gave up while checking an import's file. */
export const checkFailedText = (t: Translate, imp: Pick<ImportDoc, "fileName">) => t("import-file-error", { file: imp.fileName });

/** A job gave up while importing: how many clients were saved, and how to import the rest. */
export const importFailedText = (t: Translate, imp: Pick<ImportDoc, "fileName" | "progress">) =>
  t("import-failed", { file: imp.fileName, created: imp.progress?.valid ?? 0 });

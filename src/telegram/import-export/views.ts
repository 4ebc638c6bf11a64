import { InlineKeyboard } from "grammy";
import type { ImportCounts, ImportDoc, RowProblem } from "../../clients/import/import.model.js";
import { SkippedRows } from "../../clients/import/skipped-rows.js";
import type { Translate } from "../../i18n/i18n.js";

/**
 * Texts and buttons of the CSV import, shared by the bot (buttons) and the
 * jobs (preview, progress, report). Telegram messages hold 4096 characters:
 * values from the file are clipped and lists are cut short; the complete
 * list of rows not imported goes out as a CSV file.
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

/** The owner choices (active managers and the free pool), then Cancel. */
export function previewKeyboard(t: Translate, imp: Pick<ImportDoc, "_id" | "preview">, managers: { _id: unknown; name: string }[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  const id = String(imp._id);
  if ((imp.preview?.valid ?? 0) > 0) {
    kb.text(t("btn-import-pool"), `imp:o:${id}:pool`).row();
    managers.forEach((m, i) => {
      kb.text(`👤 ${clip(m.name, 30)}`, `imp:o:${id}:${String(m._id)}`);
      if (i % 2 === 1) kb.row();
    });
    kb.row();
  }
  return kb.text(t("btn-cancel"), `imp:x:${id}`);
}

export function confirmKeyboard(t: Translate, importId: string, owner: string): InlineKeyboard {
  return new InlineKeyboard().text(t("btn-confirm"), `imp:y:${importId}:${owner}`).row().text(t("btn-back"), `imp:b:${importId}`);
}

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

import { createReadStream } from "node:fs";
import { backoffStrategies, type Agenda } from "agenda";
import { GrammyError } from "grammy";
import type { CountryCode } from "libphonenumber-js";
import { Types } from "mongoose";
import { DownloadError, deliverDocument, downloadTelegramFile, type DownloadedFile } from "../src/telegram/files.js";
import { previewKeyboard, previewText, skippedRows } from "../src/telegram/import-export/views.js";
import { Import, type ImportDoc } from "../src/clients/import/import.model.js";
import type { SkippedRows } from "../src/clients/import/skipped-rows.js";
import { markFailed, markPreviewSent, savePreview } from "../src/clients/import/imports.js";
import { MAX_IMPORT_ROWS, runImport } from "../src/clients/import/run-import.js";
import type { Translate } from "../src/i18n/i18n.js";
import { deliver, isBlockedError, markBlocked } from "../src/notify/deliver.js";
import { Member, type MemberDoc } from "../src/teams/member.model.js";
import { Team } from "../src/teams/team.model.js";
import { languageOfUser } from "../src/users/users.js";
import type { JobDeps } from "./runtime/deps.js";

export const IMPORT_CHECK_JOB = "import.check";
const RETRIES = 3;

export interface ImportCheckData extends Record<string, unknown> {
  importId: string;
}

/**
 * Reads an uploaded CSV without writing anything: column mapping, counts of
 * rows, new clients, bad rows and duplicates, the first problems. Then the
 * director gets the preview with a button per active manager and one for
 * the free pool. Rerunning is harmless: it only reads, and the import moves
 * to "ready" once.
 */
export function defineImportCheck(agenda: Agenda, deps: JobDeps): void {
  agenda.define<ImportCheckData>(
    IMPORT_CHECK_JOB,
    async (job) => {
      const importId = new Types.ObjectId(job.attrs.data.importId);
      const imp = await Import.findById(importId).lean();
      // "ready" without a message id: a crash between saving the preview and sending it.
      if (!imp || !(imp.status === "checking" || (imp.status === "ready" && imp.messageId === null))) return;
      const language = await languageOfUser(imp.chatId, deps.config.DEFAULT_LANGUAGE);
      const t: Translate = (key, vars) => deps.i18n.t(language, key, vars);
      try {
        await checkImport(deps, imp, t);
      } catch (err) {
        // Network or database trouble is retried; the last attempt tells the director instead of leaving them waiting.
        if ((job.attrs.failCount ?? 0) >= RETRIES) {
          await markFailed(importId, "error");
          await deliver(deps.api, deps.logger, imp.chatId, t("import-file-error", { file: imp.fileName }));
        }
        throw err;
      }
    },
    { backoff: backoffStrategies.exponential({ delay: 3000, maxRetries: RETRIES }) },
  );
}

async function checkImport(deps: JobDeps, imp: ImportDoc, t: Translate): Promise<void> {
  const importId = imp._id;
  const team = await Team.findById(imp.teamId).lean();
  if (!team) return;
  const members = await Member.find({ teamId: team._id }, { name: 1, role: 1, active: 1 }).lean();

  let download: DownloadedFile;
  try {
    download = await downloadTelegramFile(deps.api, deps.config, imp.fileId);
  } catch (err) {
    if (!(err instanceof DownloadError || (err instanceof GrammyError && err.error_code === 400))) throw err;
    deps.logger.warn({ importId: String(importId), err: err.message }, "import file could not be downloaded");
    await markFailed(importId, "download");
    await deliver(deps.api, deps.logger, imp.chatId, t("import-file-download", { file: imp.fileName }));
    return;
  }

  // Kept for the preview's list; written out only when nothing in the file can be imported (no report will follow).
  const skipped = skippedRows(t, imp.fileName);
  try {
    const result = await runImport(
      createReadStream(download.path),
      {
        importId,
        teamId: team._id,
        country: team.country as CountryCode,
        memberNames: new Map(members.map((m) => [String(m._id), m.name])),
        maxRows: MAX_IMPORT_ROWS,
      },
      skipped.hooks(),
    );
    await report(deps, imp, t, result, skipped, members);
  } finally {
    await download.remove();
    await skipped.remove();
  }
}

async function report(
  deps: JobDeps,
  imp: ImportDoc,
  t: Translate,
  result: Awaited<ReturnType<typeof runImport>>,
  skipped: SkippedRows,
  members: Pick<MemberDoc, "_id" | "name" | "role" | "active">[],
): Promise<void> {
  const importId = imp._id;
  if (!result.ok) {
    await markFailed(importId, result.failure, result.line);
    const vars = { file: imp.fileName, line: String(result.line ?? "?"), max: MAX_IMPORT_ROWS, headers: (result.headers ?? []).join(", ") || "—" };
    await deliver(deps.api, deps.logger, imp.chatId, t(`import-file-${result.failure}`, vars));
    return;
  }

  const checked = await savePreview(importId, {
    delimiter: result.delimiter,
    columns: result.mapping.columns,
    preview: result.counts,
    samples: skipped.samples,
  });
  if (!checked) return; // cancelled meanwhile
  const managers = members.filter((m) => m.role === "manager" && m.active).sort((a, b) => a.name.localeCompare(b.name));
  try {
    const sent = await deps.api.sendMessage(imp.chatId, previewText(t, checked), { reply_markup: previewKeyboard(t, checked, managers) });
    await markPreviewSent(importId, sent.message_id);
    const file = checked.preview?.valid === 0 ? await skipped.close() : null;
    if (file) await deliverDocument(deps.api, deps.logger, imp.chatId, file, t("import-skipped-caption", { file: imp.fileName, count: file.rows }));
  } catch (err) {
    if (!isBlockedError(err)) throw err;
    await markBlocked(imp.chatId, deps.clock.now());
  }
}

import { createReadStream } from "node:fs";
import { backoffStrategies, type Agenda } from "agenda";
import { GrammyError } from "grammy";
import type { CountryCode } from "libphonenumber-js";
import { Types } from "mongoose";
import { deliverDocument, downloadTelegramFile, type DownloadedFile } from "../src/telegram/files.js";
import { progressText, reportText, skippedRows } from "../src/telegram/import-export/views.js";
import { Import, type ImportCounts, type ImportDoc } from "../src/clients/import/import.model.js";
import { markDone, markFailed, markReported, saveProgress, startImport } from "../src/clients/import/imports.js";
import { runImport } from "../src/clients/import/run-import.js";
import type { Translate } from "../src/i18n/i18n.js";
import { deliver } from "../src/notify/deliver.js";
import { Member } from "../src/teams/member.model.js";
import { Team } from "../src/teams/team.model.js";
import { languageOfUser } from "../src/users/users.js";
import type { JobDeps } from "./runtime/deps.js";

export const IMPORT_CLIENTS_JOB = "import.clients";

export interface ImportClientsData extends Record<string, unknown> {
  importId: string;
}

const RETRIES = 3;
/** The progress message is edited at most this often (Telegram limits edits, and the director needs no more). */
const PROGRESS_EVERY_MS = 3000;

/**
 * Creates the clients of a confirmed import, a batch at a time, then sends
 * the report and a CSV of every row left out with its reason.
 *
 * Idempotent: each client's id is derived from (import, row) and written
 * with $setOnInsert, so a worker that dies halfway is followed by a rerun
 * that re-reads the file, finds the first clients already there and creates
 * the rest. Duplicate checks skip this import's own clients (they carry its
 * confirmation time), so the rerun judges every row as the first run did.
 */
export function defineImportClients(agenda: Agenda, deps: JobDeps): void {
  agenda.define<ImportClientsData>(
    IMPORT_CLIENTS_JOB,
    async (job) => {
      const importId = new Types.ObjectId(job.attrs.data.importId);
      const imp = await startImport(importId);
      if (!imp || !imp.confirmedAt) return;
      const language = await languageOfUser(imp.chatId, deps.config.DEFAULT_LANGUAGE);
      const t: Translate = (key, vars) => deps.i18n.t(language, key, vars);
      try {
        await importClients(deps, imp, t, () => job.touch());
      } catch (err) {
        // The last attempt tells the director instead of leaving them waiting; earlier ones are retried.
        if ((job.attrs.failCount ?? 0) >= RETRIES) {
          const progress = (await Import.findById(importId, { progress: 1 }).lean())?.progress;
          await markFailed(importId, "error");
          await deliver(deps.api, deps.logger, imp.chatId, t("import-failed", { file: imp.fileName, created: progress?.valid ?? 0 }));
        }
        throw err;
      }
    },
    { backoff: backoffStrategies.exponential({ delay: 5000, maxRetries: RETRIES }), lockLifetime: 30 * 60 * 1000 },
  );
}

async function importClients(deps: JobDeps, imp: ImportDoc, t: Translate, touch: () => Promise<void>): Promise<void> {
  const team = await Team.findById(imp.teamId).lean();
  if (!team) return;
  const members = await Member.find({ teamId: team._id }, { name: 1 }).lean();
  const memberNames = new Map(members.map((m) => [String(m._id), m.name]));
  const owner = imp.ownerId ? (memberNames.get(String(imp.ownerId)) ?? "?") : null;

  const skipped = skippedRows(t, imp.fileName);
  let download: DownloadedFile | undefined;
  let lastProgress = Date.now();
  const showProgress = async (counts: ImportCounts, finished = false) => {
    if (!imp.messageId || (!finished && Date.now() - lastProgress < PROGRESS_EVERY_MS)) return;
    lastProgress = Date.now();
    // Progress is a courtesy: a failed edit (message deleted, not modified) must not stop the import.
    await deps.api.editMessageText(imp.chatId, imp.messageId, progressText(t, imp, counts.rows, finished)).catch((err: unknown) => {
      if (!(err instanceof GrammyError)) throw err;
    });
  };

  try {
    download = await downloadTelegramFile(deps.api, deps.config, imp.fileId);
    const result = await runImport(
      createReadStream(download.path),
      {
        importId: imp._id,
        teamId: team._id,
        country: team.country as CountryCode,
        memberNames,
        write: { ownerId: imp.ownerId, now: imp.confirmedAt!, rotation: team.settings.rotation },
      },
      {
        ...skipped.hooks(),
        onBatch: async (counts) => {
          await saveProgress(imp._id, counts);
          await touch(); // keeps Agenda's lock on a long import
          await showProgress(counts);
        },
      },
    );
    if (!result.ok) {
      // The preview read this very file, so this is rare (a file changed behind the same id?); say so plainly.
      await markFailed(imp._id, result.failure, result.line);
      const vars = { file: imp.fileName, line: String(result.line ?? "?"), max: 0, headers: (result.headers ?? []).join(", ") || "—" };
      await deliver(deps.api, deps.logger, imp.chatId, t(`import-file-${result.failure}`, vars));
      return;
    }
    await markDone(imp._id, result.counts, deps.clock.now());
    await showProgress(result.counts, true);
    await deliver(deps.api, deps.logger, imp.chatId, reportText(t, imp, result.counts, owner, skipped.samples));
    const file = await skipped.close();
    if (file) await deliverDocument(deps.api, deps.logger, imp.chatId, file, t("import-skipped-caption", { file: imp.fileName, count: file.rows }));
    await markReported(imp._id, deps.clock.now());
  } finally {
    await skipped.remove();
    await download?.remove();
  }
}

import { createReadStream } from "node:fs";
import { InputFile } from "grammy";
import { abandonImport, checkImportFile, importDownloadFailed, importToCheck } from "../../src/clients/import/processing.js";
import { MAX_IMPORT_ROWS } from "../../src/clients/import/run-import.js";
import type { OutboundMessage } from "../../src/outbound/outbound.js";
import { downloadTelegramFile, isUnavailableFile, type DownloadedFile } from "../../src/telegram/files.js";
import { checkFailedText, fileFailureText, previewView, skippedCaption, skippedRows } from "../../src/telegram/import-export/views.js";
import { defineJob } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";
import { translatorFor } from "./language.js";

/**
 * `import.check`: reads an uploaded CSV without writing a client: column
 * mapping, counts of rows, new clients, bad rows and duplicates, the first
 * problems. Then the director gets the preview with the owner buttons (or,
 * when nothing is new, the rows left out as a CSV). Rerunning is harmless: it
 * only reads, and each message is sent once per import (outbound keys).
 */
export function importCheckJob(deps: JobDeps) {
  return defineJob({
    name: "import.check",
    // Network or database trouble is retried; when it keeps failing, the director is told (onGiveUp).
    retry: { delayMs: 3000, maxRetries: 3 },
    async run({ data, log }) {
      const work = await importToCheck(data.importId);
      if (!work) return;
      const { imp } = work;
      const t = await translatorFor(deps, imp.chatId);
      const send = (key: string, message: OutboundMessage) =>
        deps.outbound.send({ key, chatId: imp.chatId, teamId: imp.teamId, kind: key.slice(0, key.indexOf(":")), message });

      let download: DownloadedFile;
      try {
        download = await downloadTelegramFile(deps.api, deps.config, imp.fileId);
      } catch (err) {
        if (!isUnavailableFile(err)) throw err;
        log.warn({ importId: data.importId, err: (err as Error).message }, "import file could not be downloaded");
        await importDownloadFailed(imp._id);
        await send(`import.failed:${data.importId}`, { text: fileFailureText(t, imp, { failure: "download", line: null, headers: [] }, MAX_IMPORT_ROWS) });
        return;
      }

      const skipped = skippedRows(t, imp.fileName);
      try {
        const outcome = await checkImportFile(work, createReadStream(download.path), skipped);
        if (outcome.status === "gone") return; // cancelled or confirmed meanwhile
        if (outcome.status === "failed") {
          await send(`import.failed:${data.importId}`, { text: fileFailureText(t, imp, outcome, MAX_IMPORT_ROWS) });
          return;
        }
        const view = previewView(t, outcome.imp, outcome.owners);
        const sent = await send(`import.preview:${data.importId}`, { text: view.text, keyboard: view.keyboard });
        // Nothing can be imported, so no report will follow: the rows and reasons come with the preview.
        const file = sent === "sent" && outcome.imp.preview?.valid === 0 ? await skipped.close() : null;
        if (file) {
          await send(`import.preview:${data.importId}:rows`, {
            document: () => new InputFile(file.path, file.name),
            caption: skippedCaption(t, imp, file.rows),
          });
        }
      } finally {
        await download.remove();
        await skipped.remove();
      }
    },
    async onGiveUp(data) {
      const imp = await abandonImport(data.importId, "check");
      if (!imp) return;
      const t = await translatorFor(deps, imp.chatId);
      await deps.outbound.send({
        key: `import.gave-up:${data.importId}`,
        chatId: imp.chatId,
        teamId: imp.teamId,
        kind: "import.gave-up",
        message: { text: checkFailedText(t, imp) },
      });
    },
  });
}

import { createReadStream } from "node:fs";
import { GrammyError, InputFile } from "grammy";
import { abandonImport, importClientsFromFile, importReported, importToRun, type ImportCounts } from "../../src/clients/import/processing.js";
import type { OutboundMessage } from "../../src/outbound/outbound.js";
import { downloadTelegramFile, type DownloadedFile } from "../../src/telegram/files.js";
import {
  fileFailureText,
  importFailedText,
  progressText,
  reportText,
  skippedCaption,
  skippedRows,
} from "../../src/telegram/import-export/views.js";
import { defineJob } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";
import { translatorFor } from "./language.js";

/** The progress message is edited at most this often (Telegram limits edits, and the director needs no more). */
const PROGRESS_EVERY_MS = 3000;

/**
 * `import.clients`: creates the clients of a confirmed import, a batch at a
 * time (src/clients/import/processing.ts), showing progress in the preview
 * message, then sends the report and a CSV of every row left out with its
 * reason. A worker that dies halfway is followed by a rerun that finds the
 * first clients already there, creates the rest, and sends the report once.
 */
export function importClientsJob(deps: JobDeps) {
  return defineJob({
    name: "import.clients",
    retry: { delayMs: 5000, maxRetries: 3 },
    async run({ data, touch }) {
      const work = await importToRun(data.importId);
      if (!work) return;
      const { imp } = work;
      const t = await translatorFor(deps, imp.chatId);
      const send = (key: string, message: OutboundMessage) =>
        deps.outbound.send({ key, chatId: imp.chatId, teamId: imp.teamId, kind: key.slice(0, key.indexOf(":")), message });

      let lastProgress = Date.now();
      const showProgress = async (counts: ImportCounts, finished = false) => {
        if (!imp.messageId || (!finished && Date.now() - lastProgress < PROGRESS_EVERY_MS)) return;
        lastProgress = Date.now();
        // Progress is a courtesy, edited in place: a failed edit (message deleted, not modified) must not stop the import.
        await deps.api.editMessageText(imp.chatId, imp.messageId, progressText(t, imp, counts.rows, finished)).catch((err: unknown) => {
          if (!(err instanceof GrammyError)) throw err;
        });
      };

      const skipped = skippedRows(t, imp.fileName);
      let download: DownloadedFile | undefined;
      try {
        download = await downloadTelegramFile(deps.api, deps.config, imp.fileId);
        const outcome = await importClientsFromFile({
          work,
          source: createReadStream(download.path),
          skipped,
          onBatch: async (counts) => {
            await touch();
            await showProgress(counts);
          },
          now: deps.clock.now(),
        });
        if (outcome.status === "failed") {
          await send(`import.failed:${data.importId}`, { text: fileFailureText(t, imp, outcome, 0) });
          return;
        }
        await showProgress(outcome.counts, true);
        await send(`import.report:${data.importId}`, { text: reportText(t, imp, outcome.counts, outcome.owner, skipped.samples) });
        const file = await skipped.close();
        if (file) {
          await send(`import.report:${data.importId}:rows`, {
            document: () => new InputFile(file.path, file.name),
            caption: skippedCaption(t, imp, file.rows),
          });
        }
        await importReported(imp._id, deps.clock.now());
      } finally {
        await skipped.remove();
        await download?.remove();
      }
    },
    async onGiveUp(data) {
      const imp = await abandonImport(data.importId, "import");
      if (!imp) return;
      const t = await translatorFor(deps, imp.chatId);
      await deps.outbound.send({
        key: `import.gave-up:${data.importId}`,
        chatId: imp.chatId,
        teamId: imp.teamId,
        kind: "import.gave-up",
        message: { text: importFailedText(t, imp) },
      });
    },
  });
}

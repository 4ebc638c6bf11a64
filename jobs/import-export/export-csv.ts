import { InputFile } from "grammy";
import { writeExport } from "../../src/clients/export/use-cases.js";
import { exportCaption, exportColumnTitle, exportFailedText, exportLabels } from "../../src/telegram/import-export/views.js";
import { defineJob, JobGiveUp } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";
import { translatorFor } from "./language.js";

/**
 * `export.csv`: writes the team's clients, contacts or deals to a temporary
 * CSV file (src/clients/export) and sends it to the director who asked, once
 * per request. When Telegram refuses the file, or the job keeps failing, the
 * director is told it failed and what to do (onGiveUp).
 */
export function exportCsvJob(deps: JobDeps) {
  return defineJob({
    name: "export.csv",
    retry: { delayMs: 30_000, maxRetries: 3 },
    async run({ data }) {
      const t = await translatorFor(deps, data.chatId);
      const file = await writeExport({
        teamId: data.teamId,
        kind: data.kind,
        now: deps.clock.now(),
        title: exportColumnTitle(t),
        labels: exportLabels(t),
      });
      if (!file) return; // the team is gone
      try {
        const outcome = await deps.outbound.send({
          key: `export:${data.exportId}`,
          chatId: data.chatId,
          teamId: data.teamId,
          kind: "export",
          message: { document: () => new InputFile(file.path, file.name), caption: exportCaption(t, data.kind, file) },
        });
        // Blocked or unreachable: nobody to tell. Refused ("failed"): sending the same file again cannot help.
        if (outcome === "failed") throw new JobGiveUp(`Telegram refused the ${data.kind} export`);
      } finally {
        await file.remove();
      }
    },
    async onGiveUp(data) {
      const t = await translatorFor(deps, data.chatId);
      await deps.outbound.send({
        key: `export.failed:${data.exportId}`,
        chatId: data.chatId,
        teamId: data.teamId,
        kind: "export.failed",
        message: { text: exportFailedText(t, data.kind) },
      });
    },
  });
}

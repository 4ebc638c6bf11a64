import { InputFile } from "grammy";
import { writeStatementCsv } from "../../src/bonuses/statement-csv.js";
import { monthlyStatements } from "../../src/bonuses/monthly-statements.js";
import type { CsvFile } from "../../src/clients/export/csv-file.js";
import type { OutboundRequest } from "../../src/outbound/outbound.js";
import { statementView, teamStatementCaption } from "../../src/telegram/bonuses/views.js";
import { languagesOf } from "../../src/users/users.js";
import { defineJob, type JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";

/**
 * `bonus.statements` (one per team and month): each manager with lines gets
 * last month's statement; each active director the team summary as the
 * caption of the CSV of every line. Every message is keyed by team, month and
 * recipient (`statement:<team>:<month>:<member>`), so a rerun, a retry or a
 * second worker sends nothing twice, and a retry after a deferral sends only
 * what is still pending (the CSV is written only when its part is sent).
 */
export function statementsJob(deps: JobDeps): JobDefinition<"bonus.statements"> {
  return defineJob({
    name: "bonus.statements",
    retry: { delayMs: 30_000, maxRetries: 6 },
    async run({ data, log }) {
      const batch = await monthlyStatements(data.teamId, data.month);
      if (!batch) return;
      const { team, month, statements } = batch;
      const recipients = [...statements.managers.map((m) => m.telegramId), ...batch.directors.map((d) => d.telegramId)];
      const languages = await languagesOf(recipients, team.language);
      const format = (language: string) => ({ currency: team.currency, language, timezone: team.timezone });
      const key = (memberId: string) => `statement:${data.teamId}:${month}:${memberId}`;
      const files: CsvFile[] = [];

      const requests: OutboundRequest[] = statements.managers.map((s) => {
        const language = languages.get(s.telegramId)!;
        const t = (k: string, v?: Record<string, string | number | Date>) => deps.i18n.t(language, k, v);
        const view = statementView(t, s, format(language), batch.clientNames, "bonus-statement-title", month);
        return { key: key(s.managerId), chatId: s.telegramId, teamId: team._id, kind: "bonus.statement", message: { text: view.text } };
      });
      for (const d of batch.directors) {
        const language = languages.get(d.telegramId)!;
        const t = (k: string, v?: Record<string, string | number | Date>) => deps.i18n.t(language, k, v);
        requests.push({
          key: key(d.memberId),
          chatId: d.telegramId,
          teamId: team._id,
          kind: "bonus.team-statement",
          message: {
            caption: teamStatementCaption(t, statements, format(language)),
            document: async () => {
              const csv = await writeStatementCsv(team._id, month, team.currency, team.timezone);
              files.push(csv);
              return new InputFile(csv.path, `bonus-${month}.csv`);
            },
          },
        });
      }
      try {
        const outcomes = await deps.outbound.sendAll(requests);
        log.info({ teamId: data.teamId, month, sent: [...outcomes.values()].filter((o) => o === "sent").length }, "bonus statements delivered");
      } finally {
        await Promise.all(files.map((f) => f.remove()));
      }
    },
  });
}

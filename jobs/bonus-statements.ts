import { backoffStrategies, type Agenda } from "agenda";
import { InputFile } from "grammy";
import { renderStatement, renderTeamSummary } from "../src/telegram/bonuses/views.js";
import { writeStatementCsv } from "../src/bonuses/statement-csv.js";
import { buildStatements } from "../src/bonuses/statements.js";
import { Client } from "../src/clients/client.model.js";
import { claimOnce } from "../src/notify/claim.js";
import type { Translate } from "../src/i18n/i18n.js";
import { deliver, isBlockedError, markBlocked } from "../src/notify/deliver.js";
import { Member } from "../src/teams/member.model.js";
import { Team } from "../src/teams/team.model.js";
import { languagesOf } from "../src/users/users.js";
import type { JobDeps } from "./runtime/deps.js";

export const BONUS_STATEMENTS_JOB = "bonus.statements";

export interface StatementsJobData extends Record<string, unknown> {
  teamId: string;
  /** "YYYY-MM": the month the statements are for. */
  month: string;
}

/**
 * Monthly statements: each manager gets last month's statement, the
 * directors the team summary and the CSV of every line. Each message is
 * claimed (per team, month and recipient) before it is sent, so a rerun or a
 * second worker sends nothing twice.
 */
export function defineBonusStatements(agenda: Agenda, deps: JobDeps): void {
  agenda.define<StatementsJobData>(
    BONUS_STATEMENTS_JOB,
    async (job) => {
      const { teamId, month } = job.attrs.data;
      const team = await Team.findById(teamId).lean();
      if (!team) return;
      const statements = await buildStatements(team._id, month);
      if (statements.managers.length === 0) return; // nothing earned, nothing to say
      const directors = await Member.find({ teamId: team._id, role: "director", active: true }, { telegramId: 1 }).lean();
      const languages = await languagesOf([...statements.managers.map((m) => m.telegramId), ...directors.map((d) => d.telegramId)], team.language);
      const clientIds = statements.managers.flatMap((m) => m.lines.map((l) => l.clientId));
      const clientNames = new Map((await Client.find({ _id: { $in: clientIds } }, { name: 1 }).lean()).map((c) => [String(c._id), c.name]));
      const now = deps.clock.now();

      for (const s of statements.managers) {
        if (!(await claimOnce(`statement:${teamId}:${month}:${s.managerId}`, now))) continue;
        const language = languages.get(s.telegramId)!;
        const f = { currency: team.currency, language, timezone: team.timezone };
        await deliver(deps.api, deps.logger, s.telegramId, renderStatement((k, v) => deps.i18n.t(language, k, v), s, f, clientNames, "bonus-statement-title", month));
      }

      for (const d of directors) {
        if (!(await claimOnce(`statement:${teamId}:${month}:director:${d.telegramId}`, now))) continue;
        const language = languages.get(d.telegramId)!;
        const t: Translate = (k, v) => deps.i18n.t(language, k, v);
        const f = { currency: team.currency, language, timezone: team.timezone };
        if (!(await deliver(deps.api, deps.logger, d.telegramId, renderTeamSummary(t, statements, f, "bonus-team-title")))) continue;
        const csv = await writeStatementCsv(team._id, month, team.currency, team.timezone);
        try {
          await deps.api.sendDocument(d.telegramId, new InputFile(csv.path, `bonus-${month}.csv`), { caption: t("bonus-csv-caption", { month }) });
        } catch (err) {
          if (!isBlockedError(err)) throw err;
          await markBlocked(d.telegramId, now);
        } finally {
          await csv.remove();
        }
      }
    },
    // Retried on failure: the claims keep anyone from getting a statement twice.
    { lockLifetime: 30 * 60 * 1000, backoff: backoffStrategies.exponential({ delay: 30_000, maxRetries: 5 }) },
  );
}


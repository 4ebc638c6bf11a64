import type { Types } from "mongoose";
import { Client } from "../clients/client.model.js";
import type { Language } from "../config.js";
import type { JobQueue } from "../queue/job-queue.js";
import dayjs from "../shared/dayjs.js";
import { Member } from "../teams/member.model.js";
import { Team } from "../teams/team.model.js";
import type { ClockTeam } from "../teams/clock.js";
import { buildStatements, type TeamStatement } from "./statements.js";

/**
 * Monthly statements (spec §4): on the 1st of each month, from the digest
 * hour in the team's time, each manager gets last month's statement and the
 * directors the team summary with the CSV of every line. The clock publishes
 * one job per team and month; the job reads what to send from here.
 */

/** The month whose statements are due for the team at `now`, or null (before the hour on the 1st, or a team created since). */
export function statementMonthDue(team: Pick<ClockTeam, "timezone" | "createdAt" | "settings">, now: Date): string | null {
  const local = dayjs(now).tz(team.timezone);
  // Last month's statements, from the digest hour on the 1st (or later, if the workers were down).
  const dueAt = dayjs.tz(`${local.format("YYYY-MM")}-01T${team.settings.digest.time}:00`, team.timezone).toDate();
  if (now < dueAt || team.createdAt > dueAt) return null;
  return local.subtract(1, "month").format("YYYY-MM");
}

/** The clock's use case: publishes last month's statements of the team when they are due (once per team and month). */
export async function publishDueStatements(input: { team: ClockTeam; now: Date; jobs: JobQueue }): Promise<string | null> {
  const month = statementMonthDue(input.team, input.now);
  if (month) await input.jobs.enqueue("bonus.statements", { teamId: String(input.team._id), month });
  return month;
}

export interface StatementBatch {
  team: { _id: Types.ObjectId; currency: string; timezone: string; language: Language };
  month: string;
  statements: TeamStatement;
  /** Active directors: they get the team summary and the CSV. */
  directors: { memberId: string; telegramId: number }[];
  /** Names of the clients on the lines the messages show. */
  clientNames: Map<string, string>;
}

/** Everything the statements of one team and month say; null when there is nothing to send (no team, nothing earned). */
export async function monthlyStatements(teamId: string, month: string): Promise<StatementBatch | null> {
  const team = await Team.findById(teamId, { currency: 1, timezone: 1, language: 1 }).lean();
  if (!team) return null;
  const statements = await buildStatements(team._id, month);
  if (statements.managers.length === 0) return null; // nothing earned, nothing to say
  const clientIds = statements.managers.flatMap((m) => m.lines.map((l) => l.clientId));
  const [directors, clients] = await Promise.all([
    Member.find({ teamId: team._id, role: "director", active: true }, { telegramId: 1 }).lean(),
    Client.find({ _id: { $in: clientIds } }, { name: 1 }).lean(),
  ]);
  return {
    team: { _id: team._id, currency: team.currency, timezone: team.timezone, language: team.language },
    month,
    statements,
    directors: directors.map((d) => ({ memberId: String(d._id), telegramId: d.telegramId })),
    clientNames: new Map(clients.map((c) => [String(c._id), c.name])),
  };
}

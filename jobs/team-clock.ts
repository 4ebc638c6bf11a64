import type { Agenda } from "agenda";
import { InlineKeyboard } from "grammy";
import { deliver } from "../src/notify/deliver.js";
import { claimDueReminders, reminderContext } from "../src/rotation/reports.js";
import { nightlyRunId } from "../src/rotation/run-ids.js";
import { RotationRun } from "../src/rotation/rotation-run.model.js";
import dayjs from "../src/shared/dayjs.js";
import { Member } from "../src/teams/member.model.js";
import { Team } from "../src/teams/team.model.js";
import { languagesOf } from "../src/users/users.js";
import { renderResolutions } from "../src/telegram/bonuses/views.js";
import { accrueDealLines, unaccruedDeals } from "../src/bonuses/accrual.js";
import { resolveDueUplifts } from "../src/bonuses/holdback.js";
import { Client } from "../src/clients/client.model.js";
import { BONUS_STATEMENTS_JOB, type StatementsJobData } from "./bonus-statements.js";
import type { JobDeps } from "./runtime/deps.js";
import { ROTATION_RUN_JOB, type RotationRunJobData } from "./rotation-run.js";

export const TEAM_CLOCK_JOB = "team.clock";

/**
 * The scheduler: every minute, for every team, in the team's own timezone,
 * starts what is due (the nightly rotation at its hour, last month's bonus
 * statements on the 1st), then sends the report reminders that came due,
 * ends the holdbacks that are over, and accrues deals whose "recorded"
 * event got lost. Each thing is keyed by team and period, so a tick repeated,
 * late or on two workers starts nothing twice.
 */
export function defineTeamClock(agenda: Agenda, deps: JobDeps): void {
  const queue = deps.jobs;
  agenda.define(TEAM_CLOCK_JOB, async () => {
    const now = deps.clock.now();
    for await (const team of Team.find({}, { timezone: 1, settings: 1, createdAt: 1 }).lean().cursor()) {
      const local = dayjs(now).tz(team.timezone);
      const localDate = local.format("YYYY-MM-DD");
      const runAt = dayjs.tz(`${localDate}T${team.settings.rotation.runAt}:00`, team.timezone).toDate();
      // A team created after tonight's hour waits for tomorrow's run.
      if (team.settings.rotation.enabled && now >= runAt && team.createdAt <= runAt) {
        const runId = nightlyRunId(team._id, localDate);
        if (!(await RotationRun.exists({ _id: runId }))) {
          const data: RotationRunJobData = { teamId: String(team._id), runId, kind: "nightly" };
          await queue.enqueue(ROTATION_RUN_JOB, data);
        }
      }
      // Last month's statements, from the digest hour on the 1st (or later, if the workers were down).
      const statementsAt = dayjs.tz(`${local.format("YYYY-MM")}-01T${team.settings.digest.time}:00`, team.timezone).toDate();
      if (now >= statementsAt && team.createdAt <= statementsAt) {
        const data: StatementsJobData = { teamId: String(team._id), month: local.subtract(1, "month").format("YYYY-MM") };
        await queue.enqueue(BONUS_STATEMENTS_JOB, data);
      }
    }
    await sendReportReminders(deps, now);
    await endHoldbacks(deps, now);
    // Deals whose "recorded" event never arrived (or whose accrual failed): accrued here, each on its own.
    for (const dealId of await unaccruedDeals(new Date(now.getTime() - 60_000))) {
      await accrueDealLines(dealId, now).catch((err: unknown) => deps.logger.error({ err, dealId: String(dealId) }, "bonus accrual failed"));
    }
  });
}

async function sendReportReminders(deps: JobDeps, now: Date): Promise<void> {
  const reminders = await claimDueReminders(now);
  if (reminders.length === 0) return;
  const { clients, members } = await reminderContext(reminders);
  const teams = new Map((await Team.find({ _id: { $in: reminders.map((r) => r.rotation.teamId) } }, { timezone: 1, language: 1 }).lean()).map((t) => [String(t._id), t]));
  const directors = await Member.find({ teamId: { $in: [...teams.keys()] }, role: "director", active: true }, { teamId: 1, telegramId: 1 }).lean();
  const languages = await languagesOf([...[...members.values()].map((m) => m.telegramId), ...directors.map((d) => d.telegramId)], deps.config.DEFAULT_LANGUAGE);

  for (const { kind, rotation } of reminders) {
    const client = clients.get(String(rotation.clientId));
    const owner = members.get(String(rotation.toId));
    const team = teams.get(String(rotation.teamId));
    // The client moved on since (another rotation, deactivation): nothing to remind about.
    if (!client || !owner?.active || !team || !client.ownerId?.equals(rotation.toId)) continue;
    const due = dayjs(rotation.dueAt).tz(team.timezone).subtract(1, "minute").format("DD.MM.YYYY");
    if (kind === "overdue") {
      for (const d of directors.filter((d) => d.teamId.equals(rotation.teamId))) {
        const language = languages.get(d.telegramId)!;
        await deliver(deps.api, deps.logger, d.telegramId, deps.i18n.t(language, "report-overdue-director", { manager: owner.name, client: client.name, date: due }));
      }
      continue;
    }
    const language = languages.get(owner.telegramId)!;
    const t = (key: string, vars?: Record<string, string>) => deps.i18n.t(language, key, vars);
    await deliver(deps.api, deps.logger, owner.telegramId, t(kind === "before" ? "report-reminder-before" : "report-reminder-on-day", { client: client.name, date: due }), {
      reply_markup: new InlineKeyboard().text(t("btn-report"), `rr:${rotation.clientId}`).text(`📖 ${client.name}`.slice(0, 40), `cl:v:${rotation.clientId}:0`),
    });
  }
}

/** Held uplifts whose holdback is over: released or forfeited, and each manager told what and why. */
async function endHoldbacks(deps: JobDeps, now: Date): Promise<void> {
  const resolved = await resolveDueUplifts(now);
  if (resolved.length === 0) return;
  const [members, clients, teams] = await Promise.all([
    Member.find({ _id: { $in: resolved.map((l) => l.managerId) } }, { telegramId: 1, active: 1 }).lean(),
    Client.find({ _id: { $in: resolved.map((l) => l.clientId) } }, { name: 1 }).lean(),
    Team.find({ _id: { $in: resolved.map((l) => l.teamId) } }, { currency: 1, timezone: 1 }).lean(),
  ]);
  const names = new Map(clients.map((c) => [String(c._id), c.name]));
  const team = new Map(teams.map((t) => [String(t._id), t]));
  const languages = await languagesOf(members.map((m) => m.telegramId), deps.config.DEFAULT_LANGUAGE);
  for (const m of members) {
    const lines = resolved.filter((l) => l.managerId.equals(m._id));
    const t = team.get(String(lines[0]!.teamId));
    if (!m.active || !t) continue;
    const language = languages.get(m.telegramId)!;
    const text = renderResolutions((k, v) => deps.i18n.t(language, k, v), lines, names, { currency: t.currency, language, timezone: t.timezone });
    await deliver(deps.api, deps.logger, m.telegramId, text);
  }
}

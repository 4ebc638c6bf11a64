import { InlineKeyboard } from "grammy";
import { deliver } from "../../src/notify/deliver.js";
import { claimDueReminders, reminderContext } from "../../src/rotation/reports.js";
import { nightlyRunId } from "../../src/rotation/run-ids.js";
import { RotationRun } from "../../src/rotation/rotation-run.model.js";
import dayjs from "../../src/shared/dayjs.js";
import { Member } from "../../src/teams/member.model.js";
import { Team } from "../../src/teams/team.model.js";
import { languagesOf } from "../../src/users/users.js";
import type { ClockTask } from "../clock/clock-task.js";
import type { JobDeps } from "../runtime/deps.js";

/** Rotation on the team clock: tonight's run at its hour; report reminders and overdue warnings. */
export function rotationClock(deps: JobDeps): ClockTask {
  return {
    name: "rotation",
    async perTeam(team, now) {
      const localDate = dayjs(now).tz(team.timezone).format("YYYY-MM-DD");
      const runAt = dayjs.tz(`${localDate}T${team.settings.rotation.runAt}:00`, team.timezone).toDate();
      // A team created after tonight's hour waits for tomorrow's run.
      if (!team.settings.rotation.enabled || now < runAt || team.createdAt > runAt) return;
      const runId = nightlyRunId(team._id, localDate);
      if (await RotationRun.exists({ _id: runId })) return;
      await deps.jobs.enqueue("rotation.run", { teamId: String(team._id), runId, kind: "nightly" });
    },
    sweep: (now) => sendReportReminders(deps, now),
  };
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


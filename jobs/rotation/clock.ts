import type { Translate } from "../../src/i18n/i18n.js";
import { DeliveryDeferred } from "../../src/outbound/errors.js";
import { dueReportReminders, markReminderDone } from "../../src/rotation/reports.js";
import { startNightlyRun } from "../../src/rotation/start-run.js";
import { overdueView, reminderView } from "../../src/telegram/rotation/messages.js";
import type { ClockTask } from "../clock/clock-task.js";
import type { JobDeps } from "../runtime/deps.js";

/** Rotation on the team clock: tonight's run at its hour; report reminders and overdue warnings. */
export function rotationClock(deps: JobDeps): ClockTask {
  return {
    name: "rotation",
    async perTeam(team, now) {
      await startNightlyRun({ team, now, jobs: deps.jobs });
    },
    sweep: (now) => sendReportReminders(deps, now),
  };
}

/**
 * Each reminder goes out under its key (once, however many workers sweep) and
 * is marked done only afterwards: a worker that dies in between leaves it due,
 * and the next sweep's send finds it delivered already. A message Telegram
 * asks us to hold is handed to `outbound.retry` (sent at Telegram's
 * `retry_after`, without what already arrived), so one busy chat never holds
 * up the sweep.
 */
async function sendReportReminders(deps: JobDeps, now: Date): Promise<void> {
  for (const reminder of await dueReportReminders(now, deps.config.DEFAULT_LANGUAGE)) {
    try {
      for (const to of reminder.recipients) {
        const t: Translate = (key, vars) => deps.i18n.t(to.language, key, vars);
        const view = reminder.kind === "overdue" ? overdueView(t, reminder) : reminderView(t, reminder);
        await deps.outbound.sendSoon({
          key: to.key,
          chatId: to.telegramId,
          teamId: reminder.teamId,
          kind: reminder.kind === "overdue" ? "report.overdue" : "report.reminder",
          message: { text: view.text, keyboard: view.keyboard },
        });
      }
      await markReminderDone(reminder.rotationId, reminder.kind, now);
    } catch (err) {
      // The reminder stays due: the next tick tries again (keys keep it from going out twice).
      if (!(err instanceof DeliveryDeferred)) deps.logger.error({ err, rotationId: reminder.rotationId, kind: reminder.kind }, "report reminder failed");
    }
  }
}

import { dueFollowUpReminder } from "../../src/clients/contacts.js";
import type { Translate } from "../../src/i18n/i18n.js";
import { followUpReminderView } from "../../src/telegram/clients/views.js";
import { languageOfUser } from "../../src/users/users.js";
import { defineJob, type JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";

/**
 * `contact.follow-up`: reminds a contact's author to follow up, with buttons
 * to mark it done (and log the new contact), snooze an hour, or move it to
 * tomorrow. Sent through the outbound path under a key naming the follow-up
 * and its time, so a retried or doubled job sends it once, and a snoozed one
 * is a new message. Dropped when it was snoozed or done since, when the
 * author left the team, or when the client moved to someone else.
 */
export function followUpReminderJob(deps: JobDeps): JobDefinition<"contact.follow-up"> {
  return defineJob({
    name: "contact.follow-up",
    retry: { delayMs: 30_000, maxRetries: 8 },
    async run({ data, log }) {
      const due = await dueFollowUpReminder({ eventId: data.eventId, dueAt: new Date(data.dueAt) });
      if (!due) return void log.debug("follow-up no longer due");
      const language = await languageOfUser(due.telegramId, deps.config.DEFAULT_LANGUAGE);
      const t: Translate = (key, vars) => deps.i18n.t(language, key, vars);
      const view = followUpReminderView(t, due);
      await deps.outbound.send({
        key: `follow-up:${due.eventId}:${data.dueAt}`,
        chatId: due.telegramId,
        teamId: due.teamId,
        kind: "follow-up.reminder",
        message: { text: view.text, ...(view.keyboard ? { keyboard: view.keyboard } : {}) },
      });
    },
  });
}

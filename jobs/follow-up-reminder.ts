import type { Agenda } from "agenda";
import { InlineKeyboard } from "grammy";
import { Types } from "mongoose";
import { Client } from "../src/clients/client.model.js";
import { claimFollowUp } from "../src/clients/contacts.js";
import { deliver } from "../src/notify/deliver.js";
import { Member } from "../src/teams/member.model.js";
import { languageOfUser } from "../src/users/users.js";
import type { JobDeps } from "./runtime/deps.js";

export const FOLLOW_UP_JOB = "contact.follow-up";

export interface FollowUpJobData extends Record<string, unknown> {
  eventId: string;
  /** The follow-up time this job was scheduled for; a snooze moves it and makes older jobs no-ops. */
  dueAt: string;
}

/**
 * Reminds the author of a contact to follow up, with buttons to mark it done
 * (and log the new contact), snooze an hour, or move it to tomorrow. The
 * reminder is claimed with a conditional update, so it is sent once even with
 * several workers; it is dropped if the client has moved to someone else.
 */
export function defineFollowUpReminder(agenda: Agenda, deps: JobDeps): void {
  agenda.define<FollowUpJobData>(FOLLOW_UP_JOB, async (job) => {
    const { eventId, dueAt } = job.attrs.data;
    const entry = await claimFollowUp(new Types.ObjectId(eventId), new Date(dueAt));
    if (!entry || !entry.actorId) return;
    const [client, author] = await Promise.all([
      Client.findById(entry.clientId, { name: 1, ownerId: 1 }).lean(),
      Member.findById(entry.actorId, { telegramId: 1, active: 1 }).lean(),
    ]);
    if (!client || !author?.active || !client.ownerId?.equals(entry.actorId)) return;
    const language = await languageOfUser(author.telegramId, deps.config.DEFAULT_LANGUAGE);
    const t = (key: string, vars?: Record<string, string>) => deps.i18n.t(language, key, vars);
    await deliver(
      deps.api,
      deps.logger,
      author.telegramId,
      t("follow-up-reminder", { client: client.name, kind: t(`contact-kind-${entry.kind}`), text: entry.text ?? "" }),
      {
        reply_markup: new InlineKeyboard()
          .text(t("btn-follow-up-done"), `fu:d:${eventId}`)
          .row()
          .text(t("btn-snooze-hour"), `fu:h:${eventId}`)
          .text(t("btn-snooze-tomorrow"), `fu:t:${eventId}`),
      },
    );
  });
}

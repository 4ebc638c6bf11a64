import { Composer } from "grammy";
import { Types } from "mongoose";
import { actorOf } from "../../access.js";
import { LOG_CONTACT } from "../../../../scenes/clients/log-contact.js";
import { FOLLOW_UP_JOB, type FollowUpJobData } from "../../../../jobs/follow-up-reminder.js";
import { completeFollowUp, rescheduleFollowUp } from "../../../clients/contacts.js";
import dayjs from "../../../shared/dayjs.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { membershipOf, requireRole } from "../../access.js";
import { showInPlace } from "../../ui.js";

const HOUR_MS = 3600 * 1000;

/**
 * The buttons under a follow-up reminder: done (then log what happened),
 * snooze an hour, or tomorrow at 10:00 team time. Only the reminder's author
 * can act on it (the conditional updates check it).
 */
export function followUpsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");

  composer.callbackQuery(/^fu:([dht]):([0-9a-f]{24})$/, members, async (ctx) => {
    const [, action, id] = ctx.match as unknown as [string, "d" | "h" | "t", string];
    const { member, team } = membershipOf(ctx);
    const eventId = new Types.ObjectId(id);
    if (action === "d") {
      const entry = await completeFollowUp(eventId, member._id);
      if (!entry) return void (await ctx.answerCallbackQuery({ text: ctx.t("follow-up-gone"), show_alert: true }));
      await ctx.answerCallbackQuery();
      await showInPlace(ctx, ctx.t("follow-up-done"));
      await ctx.conversation.enter(LOG_CONTACT, actorOf(ctx), String(entry.clientId));
      return;
    }
    const now = deps.clock.now();
    const at =
      action === "h"
        ? new Date(now.getTime() + HOUR_MS)
        : dayjs(now).tz(team.timezone).add(1, "day").hour(10).minute(0).second(0).millisecond(0).toDate();
    const entry = await rescheduleFollowUp(eventId, member._id, at);
    if (!entry) return void (await ctx.answerCallbackQuery({ text: ctx.t("follow-up-gone"), show_alert: true }));
    const data: FollowUpJobData = { eventId: id, dueAt: at.toISOString() };
    await deps.jobs.schedule(FOLLOW_UP_JOB, at, data);
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("follow-up-snoozed", { when: dayjs(at).tz(team.timezone).format("DD.MM HH:mm") }));
  });
  return composer;
}

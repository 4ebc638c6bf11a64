import { Composer } from "grammy";
import { logContactScene } from "../../../../scenes/clients/log-contact.js";
import { completeFollowUp, snoozeFollowUp, type Snooze } from "../../../clients/contacts.js";
import dayjs from "../../../shared/dayjs.js";
import { followUpDoneButton, followUpSnoozeButton, legacyFollowUpButton } from "../../../telegram/clients/callbacks.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { actorOf, actorRefOf, membershipOf, refusalKey, requireRole } from "../../access.js";
import { onCallback, type CallbackContext } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";
import { alert } from "./answers.js";

const errorKey = (error: "not-a-member" | "not-allowed" | "gone") => (error === "gone" ? "follow-up-gone" : refusalKey(error));

/**
 * The buttons under a follow-up reminder: done (then log what happened),
 * snooze an hour, or tomorrow (the follow-up parser's rule for "tomorrow", in
 * the team's time). Only the reminder's author can act on it.
 */
export function followUpHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");

  const done = async (ctx: CallbackContext, eventId: string) => {
    const result = await completeFollowUp({ actor: actorRefOf(ctx), eventId });
    if (!result.ok) return void (await alert(ctx, errorKey(result.error)));
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("follow-up-done"));
    await logContactScene.enter(ctx, actorOf(ctx), result.value.clientId);
  };

  const snooze = async (ctx: CallbackContext, eventId: string, until: Snooze) => {
    const result = await snoozeFollowUp({ actor: actorRefOf(ctx), eventId, snooze: until, now: deps.clock.now(), jobs: deps.jobs });
    if (!result.ok) return void (await alert(ctx, errorKey(result.error)));
    await ctx.answerCallbackQuery();
    const { team } = membershipOf(ctx);
    await showInPlace(ctx, ctx.t("follow-up-snoozed", { when: dayjs(result.value.at).tz(team.timezone).format("DD.MM HH:mm") }));
  };

  onCallback(composer, followUpDoneButton, [members], (ctx, { eventId }) => done(ctx, eventId));
  onCallback(composer, followUpSnoozeButton, [members], (ctx, { eventId, snooze: until }) => snooze(ctx, eventId, until));
  // Reminders sent before callback codecs.
  onCallback(composer, legacyFollowUpButton, [members], (ctx, { action, eventId }) =>
    action === "d" ? done(ctx, eventId) : snooze(ctx, eventId, action === "h" ? "hour" : "tomorrow"),
  );
  return composer;
}

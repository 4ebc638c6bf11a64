import { Types } from "mongoose";
import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { CONTACT_KINDS } from "../../src/clients/client-event.model.js";
import { logContact } from "../../src/clients/contacts.js";
import { FOLLOW_UP_JOB, type FollowUpJobData } from "../../jobs/follow-up-reminder.js";
import dayjs from "../../src/shared/dayjs.js";
import { parseFollowUp } from "../../src/shared/parse/follow-up.js";
import { ok } from "../../src/shared/result.js";
import { viewerOf, type SceneActor } from "../actor.js";
import { ask, askOptional, choose, freeText } from "../kit.js";
import { cardButton } from "./card-button.js";
import { openClientFlow } from "./pick-client.js";

export const LOG_CONTACT = "log-contact";

/**
 * Log a contact: client (given, recent, or searched), kind, what happened,
 * optional follow-up ("tomorrow 10:00", "in 3 days", a date) that becomes a
 * reminder in the team's timezone.
 */
export function logContactScene(deps: BotDeps) {
  return async function logContactConversation(
    conversation: SceneConversation,
    ctx: SceneContext,
    actor: SceneActor,
    clientId: string | null,
  ): Promise<void> {
    const flow = await openClientFlow(conversation, ctx, deps, actor, clientId);
    if (!flow) return;
    const { t, client, team, newId: entryId } = flow;

    const kind = await choose(
      conversation,
      ctx,
      t,
      t("contact-ask-kind", { client: client.name }),
      CONTACT_KINDS.map((k) => ({ value: k, label: t(`contact-kind-${k}`) })),
    );
    const text = await ask(conversation, ctx, t, {
      prompt: t("contact-ask-text"),
      parse: freeText(3000),
    });
    const now = await conversation.external(() => deps.clock.now().toISOString());
    const followUp = await askOptional(conversation, ctx, t, {
      prompt: t("contact-ask-follow-up"),
      choices: [
        [
          { label: t("follow-up-tomorrow"), value: "tomorrow 10:00" },
          { label: t("follow-up-in-3-days"), value: "in 3 days" },
          { label: t("follow-up-next-week"), value: "in 7 days" },
        ],
      ],
      parse: (s) => {
        const r = parseFollowUp(s, { now: new Date(now), timezone: team.timezone });
        return r.ok ? ok(r.value.toISOString()) : r;
      },
    });

    const saved = await conversation.external(async () => {
      const r = await logContact({
        id: new Types.ObjectId(entryId),
        viewer: viewerOf(actor),
        clientId: client.id,
        kind,
        text,
        followUpAt: followUp ? new Date(followUp) : null,
        now: deps.clock.now(),
      });
      if (r.ok && followUp) {
        const data: FollowUpJobData = { eventId: entryId, dueAt: followUp };
        await deps.jobs.schedule(FOLLOW_UP_JOB, new Date(followUp), data);
      }
      return r.ok;
    });
    if (!saved) {
      await ctx.reply(t("client-not-yours"));
      return;
    }
    const when = followUp ? dayjs(followUp).tz(team.timezone).format("DD.MM HH:mm") : null;
    await ctx.reply(when ? t("contact-saved-reminder", { client: client.name, when }) : t("contact-saved", { client: client.name }), {
      reply_markup: cardButton(t, client.id),
    });
  };
}

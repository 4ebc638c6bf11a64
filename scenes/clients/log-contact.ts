import { CONTACT_KINDS, logContact } from "../../src/clients/contacts.js";
import dayjs from "../../src/shared/dayjs.js";
import { parseFollowUp } from "../../src/shared/parse/follow-up.js";
import { ok } from "../../src/shared/result.js";
import type { SceneActor } from "../actor.js";
import { defineScene } from "../define.js";
import { ask, askOptional, choose, freeText } from "../kit.js";
import { cardButton } from "./card-button.js";
import { openClientFlow } from "./pick-client.js";
import { isRefusal, refusalText } from "./refusal.js";

/**
 * Log a contact: client (given, recent, or searched), kind, what happened,
 * optional follow-up ("tomorrow 10:00", "in 3 days", a date) that becomes a
 * reminder in the team's timezone.
 */
export const logContactScene = defineScene("log-contact", (deps) => async (conversation, ctx, actor: SceneActor, clientId: string | null) => {
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
  const text = await ask(conversation, ctx, t, { prompt: t("contact-ask-text"), parse: freeText(3000) });
  const now = await conversation.external(() => deps.clock.now().toISOString());
  // Button values are read by the same parser as typed answers ("tomorrow" is at its default hour).
  const followUp = await askOptional(conversation, ctx, t, {
    prompt: t("contact-ask-follow-up"),
    choices: [
      [
        { label: t("follow-up-tomorrow"), value: "tomorrow" },
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
      actor,
      id: entryId,
      clientId: client.id,
      kind,
      text,
      followUpAt: followUp ? new Date(followUp) : null,
      now: deps.clock.now(),
      jobs: deps.jobs,
    });
    return r.ok ? null : r.error;
  });
  if (saved !== null) {
    const message = isRefusal(saved) ? refusalText(t, saved) : saved === "not-found" ? t("client-not-yours") : t(`error-${saved}`);
    return void (await ctx.reply(message));
  }
  const when = followUp ? dayjs(followUp).tz(team.timezone).format("DD.MM HH:mm") : null;
  await ctx.reply(when ? t("contact-saved-reminder", { client: client.name, when }) : t("contact-saved", { client: client.name }), {
    reply_markup: cardButton(t, client.id),
  });
});

import { editClientField, markLost, parseFieldValue, type TextField } from "../../src/clients/edit-client.js";
import { translator } from "../../src/i18n/i18n.js";
import { ok } from "../../src/shared/result.js";
import { loadTeamFacts, type SceneActor } from "../actor.js";
import { defineScene } from "../define.js";
import { ask, freeText } from "../kit.js";
import { cardButton } from "./card-button.js";
import { isRefusal, refusalText } from "./refusal.js";

/** What a failed save says: refused actor, a client gone from the actor's reach, or a value no longer valid. */
const failureText = (t: (key: string) => string, error: string) =>
  isRefusal(error) ? refusalText(t, error) : error === "not-found" ? t("client-not-yours") : t(`error-${error}`);

/** Edit one text field: ask the new value, validate it like at creation, save, log the change. */
export const editClientScene = defineScene(
  "edit-client",
  (deps) => async (conversation, ctx, actor: SceneActor, clientId: string, field: TextField) => {
    const t = translator(deps.i18n, actor.language);
    const team = await loadTeamFacts(conversation, actor.teamId);
    const raw = await ask(conversation, ctx, t, {
      prompt: t("edit-ask-value", { field: t(`field-${field}`) }),
      acceptContact: field === "phone",
      parse: (s) => {
        const r = parseFieldValue(field, s, team.country);
        return r.ok ? ok(s) : r;
      },
    });
    const saved = await conversation.external(async () => {
      const r = await editClientField({ actor, clientId, field, raw, now: deps.clock.now() });
      return r.ok ? null : r.error;
    });
    if (saved !== null) return void (await ctx.reply(failureText(t, saved)));
    await ctx.reply(t("edit-saved", { field: t(`field-${field}`) }), { reply_markup: cardButton(t, clientId) });
  },
);

const LOST_REASONS = ["no-need", "competitor", "closed", "unreachable"] as const;

/** Mark lost: a reason from common ones or typed; rotation stops for the client. */
export const markLostScene = defineScene("mark-lost", (deps) => async (conversation, ctx, actor: SceneActor, clientId: string) => {
  const t = translator(deps.i18n, actor.language);
  const reason = await ask(conversation, ctx, t, {
    prompt: t("lost-ask-reason"),
    choices: LOST_REASONS.map((r) => [{ label: t(`lost-reason-${r}`), value: r }]),
    pick: (v) => ((LOST_REASONS as readonly string[]).includes(v) ? t(`lost-reason-${v}`) : undefined),
    parse: freeText(500),
  });
  const saved = await conversation.external(async () => {
    const r = await markLost({ actor, clientId, reason, now: deps.clock.now() });
    return r.ok ? null : r.error;
  });
  if (saved !== null) return void (await ctx.reply(failureText(t, saved)));
  await ctx.reply(t("lost-saved"), { reply_markup: cardButton(t, clientId) });
});

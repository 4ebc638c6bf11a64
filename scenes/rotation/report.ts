import { translator } from "../../src/i18n/i18n.js";
import { fileReport, REPORT_COMMENT_MAX, REPORT_OUTCOMES, reportToFile } from "../../src/rotation/reports.js";
import { refusalText, reportSavedView } from "../../src/telegram/rotation/views.js";
import type { SceneActor } from "../actor.js";
import { defineScene } from "../define.js";
import { ask, choose, freeText } from "../kit.js";

/**
 * The processing report on a client received by rotation: outcome from the
 * fixed list, then a comment. Entered from a notice, a reminder, the client
 * card or /reports; the use cases re-check the actor and the client at the
 * start and again when saving (the manager may have been deactivated, or the
 * client moved on, in between).
 */
export const rotationReportScene = defineScene("rotation-report", (deps) => async (conversation, ctx, actor: SceneActor, clientId: string) => {
  const t = translator(deps.i18n, actor.language);
  const pending = await conversation.external(() => reportToFile({ actor, clientId }));
  if (!pending.ok) {
    await ctx.reply(pending.error === "none-pending" ? t("report-none-pending") : refusalText(t, pending.error));
    return;
  }
  const { rotationId, clientName } = pending.value;
  const outcome = await choose(
    conversation,
    ctx,
    t,
    t("report-ask-outcome", { client: clientName }),
    REPORT_OUTCOMES.map((o) => ({ value: o, label: t(`report-outcome-${o}`) })),
    1,
  );
  const comment = await ask(conversation, ctx, t, { prompt: t("report-ask-comment"), parse: freeText(REPORT_COMMENT_MAX) });
  const saved = await conversation.external(() => fileReport({ actor, rotationId, outcome, comment, now: deps.clock.now() }));
  if (!saved.ok) {
    await ctx.reply(saved.error === "not-a-member" || saved.error === "not-allowed" ? refusalText(t, saved.error) : t("report-none-pending"));
    return;
  }
  const view = reportSavedView(t, clientName, clientId);
  await ctx.reply(view.text, { reply_markup: view.keyboard });
});

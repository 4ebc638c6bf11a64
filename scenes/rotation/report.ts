import { Types } from "mongoose";
import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { translator } from "../../src/i18n/i18n.js";
import { REPORT_OUTCOMES } from "../../src/rotation/rotation.model.js";
import { fileReport, findPendingReport } from "../../src/rotation/reports.js";
import type { SceneActor } from "../actor.js";
import { ask, choose, freeText } from "../kit.js";
import { cardButton } from "../clients/card-button.js";

export const ROTATION_REPORT = "rotation-report";

/** The processing report on a client received by rotation: outcome from the fixed list, then a comment. */
export function rotationReportScene(deps: BotDeps) {
  return async function rotationReportConversation(
    conversation: SceneConversation,
    ctx: SceneContext,
    actor: SceneActor,
    clientId: string,
  ): Promise<void> {
    const t = translator(deps.i18n, actor.language);
    const pending = await conversation.external(async () => {
      const r = await findPendingReport(new Types.ObjectId(actor.memberId), clientId);
      return r ? { rotationId: r._id, clientName: r.clientName } : null;
    });
    if (!pending) {
      await ctx.reply(t("report-none-pending"));
      return;
    }
    const outcome = await choose(
      conversation,
      ctx,
      t,
      t("report-ask-outcome", { client: pending.clientName }),
      REPORT_OUTCOMES.map((o) => ({ value: o, label: t(`report-outcome-${o}`) })),
      1,
    );
    const comment = await ask(conversation, ctx, t, {
      prompt: t("report-ask-comment"),
      parse: freeText(2000),
    });
    const saved = await conversation.external(() =>
      fileReport({ rotationId: pending.rotationId, memberId: new Types.ObjectId(actor.memberId), outcome, comment, now: deps.clock.now() }),
    );
    await ctx.reply(saved ? t("report-saved", { client: pending.clientName }) : t("report-none-pending"), { reply_markup: cardButton(t, clientId) });
  };
}

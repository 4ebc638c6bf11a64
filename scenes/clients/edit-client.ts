import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { editClient, parseFieldValue, setClientStatus, type EditableField } from "../../src/clients/edit-client.js";
import { translator } from "../../src/i18n/i18n.js";
import { ok } from "../../src/shared/result.js";
import { loadTeamFacts, viewerOf, type SceneActor } from "../actor.js";
import { ask, freeText } from "../kit.js";
import { cardButton } from "./card-button.js";

export const EDIT_CLIENT = "edit-client";
export const MARK_LOST = "mark-lost";

/** Fields typed as text; the yes/no ones are toggled by a button without a conversation. */
export type TextField = Extract<EditableField, "name" | "phone" | "email" | "contactPerson" | "source" | "notes">;
export const TEXT_FIELDS: readonly TextField[] = ["name", "phone", "email", "contactPerson", "source", "notes"];

/** Edit one text field: ask the new value, validate it like at creation, save, log the change. */
export function editClientScene(deps: BotDeps) {
  return async function editClientConversation(
    conversation: SceneConversation,
    ctx: SceneContext,
    actor: SceneActor,
    clientId: string,
    field: TextField,
  ): Promise<void> {
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
      const r = await editClient({ viewer: viewerOf(actor), clientId, field, raw, country: team.country, rotation: team.rotation, now: deps.clock.now() });
      return r.ok;
    });
    await ctx.reply(saved ? t("edit-saved", { field: t(`field-${field}`) }) : t("client-not-yours"), {
      reply_markup: saved ? cardButton(t, clientId) : undefined,
    });
  };
}

const LOST_REASONS = ["no-need", "competitor", "closed", "unreachable"] as const;

/** Mark lost: a reason from common ones or typed; rotation stops for the client. */
export function markLostScene(deps: BotDeps) {
  return async function markLostConversation(conversation: SceneConversation, ctx: SceneContext, actor: SceneActor, clientId: string): Promise<void> {
    const t = translator(deps.i18n, actor.language);
    const team = await loadTeamFacts(conversation, actor.teamId);
    const reason = await ask(conversation, ctx, t, {
      prompt: t("lost-ask-reason"),
      choices: LOST_REASONS.map((r) => [{ label: t(`lost-reason-${r}`), value: r }]),
      pick: (v) => ((LOST_REASONS as readonly string[]).includes(v) ? t(`lost-reason-${v}`) : undefined),
      parse: freeText(500),
    });
    const saved = await conversation.external(async () => {
      const r = await setClientStatus({ viewer: viewerOf(actor), clientId, status: "lost", reason, rotation: team.rotation, now: deps.clock.now() });
      return r.ok;
    });
    await ctx.reply(saved ? t("lost-saved") : t("client-not-yours"), { reply_markup: saved ? cardButton(t, clientId) : undefined });
  };
}

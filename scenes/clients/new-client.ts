import { InlineKeyboard } from "grammy";
import { Types } from "mongoose";
import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { createClient, type NewClient } from "../../src/clients/create-client.js";
import { parseClientName } from "../../src/clients/edit-client.js";
import { findDuplicates, type DuplicateMatch } from "../../src/clients/duplicates.js";
import { translator, type Translate } from "../../src/i18n/i18n.js";
import { parseEmail } from "../../src/shared/parse/email.js";
import { normalizePhone } from "../../src/shared/parse/phone.js";
import { loadTeamFacts, type SceneActor } from "../actor.js";
import { ask, askOptional, choose, confirm, freeText } from "../kit.js";
import { cardButton } from "./card-button.js";

export const NEW_CLIENT = "new-client";

/** Tells the manager about a client the team already has; returns true when the flow must stop. */
async function reportDuplicates(ctx: SceneContext, t: Translate, found: DuplicateMatch[]): Promise<boolean> {
  const first = found[0];
  if (!first) return false;
  const reason = t(`duplicate-reason-${first.reason}`);
  if (first.holder === "self") {
    await ctx.reply(t("duplicate-own", { name: first.name, reason }), { reply_markup: cardButton(t, first.clientId) });
  } else if (first.holder === "pool") {
    await ctx.reply(t("duplicate-pool", { name: first.name, reason }));
  } else {
    await ctx.reply(t("duplicate-other", { name: first.name, reason, holder: first.holderName ?? "?" }));
  }
  return true;
}

/**
 * New client: name, kind, key account, phone (typed or a shared contact),
 * email; then the duplicate check (so nobody types the rest in vain);
 * contact person, source, note; confirm. The creator owns the client.
 */
export function newClientScene(deps: BotDeps) {
  return async function newClientConversation(conversation: SceneConversation, ctx: SceneContext, actor: SceneActor): Promise<void> {
    const t = translator(deps.i18n, actor.language);
    const team = await loadTeamFacts(conversation, actor.teamId);
    const clientId = await conversation.external(() => String(new Types.ObjectId()));

    const name = await ask(conversation, ctx, t, { prompt: t("client-ask-name"), parse: parseClientName });
    const kind = await choose(conversation, ctx, t, t("client-ask-kind"), [
      { value: "b2b", label: t("client-kind-b2b") },
      { value: "b2c", label: t("client-kind-b2c") },
    ]);
    const keyAccount =
      (await choose(conversation, ctx, t, t("client-ask-key"), [
        { value: "yes", label: t("btn-yes") },
        { value: "no", label: t("btn-no") },
      ])) === "yes";
    const phone = await askOptional(conversation, ctx, t, {
      prompt: t("client-ask-phone"),
      acceptContact: true,
      parse: (text) => normalizePhone(text, team.country),
    });
    const email = await askOptional(conversation, ctx, t, { prompt: t("client-ask-email"), parse: parseEmail });

    const candidate = { name, phones: phone ? [phone] : [], email };
    const duplicates = await conversation.external(() =>
      findDuplicates(new Types.ObjectId(actor.teamId), new Types.ObjectId(actor.memberId), candidate),
    );
    if (await reportDuplicates(ctx, t, duplicates)) return;

    const contactPerson = await askOptional(conversation, ctx, t, { prompt: t("client-ask-contact"), parse: freeText(200) });
    const source = await askOptional(conversation, ctx, t, { prompt: t("client-ask-source"), parse: freeText(200) });
    const notes = await askOptional(conversation, ctx, t, { prompt: t("client-ask-note"), parse: freeText(2000) });
    const dash = "—";
    await confirm(
      conversation,
      ctx,
      t,
      t("client-confirm", {
        name,
        kind: t(`client-kind-${kind}`),
        key: t(keyAccount ? "btn-yes" : "btn-no"),
        phone: phone ?? dash,
        email: email ?? dash,
        contact: contactPerson ?? dash,
        source: source ?? dash,
      }),
    );

    const client: NewClient = { name, kind, keyAccount, phones: candidate.phones, email, contactPerson, source, notes };
    const result = await conversation.external(async () => {
      const r = await createClient({
        id: new Types.ObjectId(clientId),
        teamId: new Types.ObjectId(actor.teamId),
        ownerId: new Types.ObjectId(actor.memberId),
        client,
        now: deps.clock.now(),
        rotation: team.rotation,
      });
      return r.ok ? { duplicates: [] as DuplicateMatch[] } : { duplicates: r.duplicates ?? [] };
    });
    // Someone added the same client while this one was being typed.
    if (await reportDuplicates(ctx, t, result.duplicates)) return;
    await ctx.reply(t("client-created", { name }), {
      reply_markup: new InlineKeyboard()
        .text(t("btn-open-card"), `cl:v:${clientId}:0`)
        .row()
        .text(t("btn-log-contact"), `cl:c:${clientId}`)
        .text(t("btn-log-deal"), `cl:d:${clientId}`),
    });
  };
}

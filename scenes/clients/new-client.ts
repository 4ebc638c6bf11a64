import { addClient, clientDuplicates, type NewClient } from "../../src/clients/create-client.js";
import type { DuplicateMatch } from "../../src/clients/duplicates.js";
import { parseClientName } from "../../src/clients/edit-client.js";
import { newEntryId } from "../../src/clients/ids.js";
import { translator, type Translate } from "../../src/i18n/i18n.js";
import { parseEmail } from "../../src/shared/parse/email.js";
import { normalizePhone } from "../../src/shared/parse/phone.js";
import { clientCreatedView, duplicateView } from "../../src/telegram/clients/views.js";
import type { SceneContext } from "../../src/telegram/context.js";
import { loadTeamFacts, type SceneActor } from "../actor.js";
import { defineScene } from "../define.js";
import { ask, askOptional, choose, confirm, freeText } from "../kit.js";
import { isRefusal, refusalText } from "./refusal.js";

/** Tells the member about a client the team already has; returns true when the flow must stop. */
async function reportDuplicates(ctx: SceneContext, t: Translate, found: DuplicateMatch[]): Promise<boolean> {
  const first = found[0];
  if (!first) return false;
  const view = duplicateView(t, first);
  await ctx.reply(view.text, { reply_markup: view.keyboard });
  return true;
}

/**
 * New client: name, kind, key account, phone (typed or a shared contact),
 * email; then the duplicate check (so nobody types the rest in vain);
 * contact person, source, note; confirm. The creator owns the client.
 */
export const newClientScene = defineScene("new-client", (deps) => async (conversation, ctx, actor: SceneActor) => {
  const t = translator(deps.i18n, actor.language);
  const team = await loadTeamFacts(conversation, actor.teamId);
  const clientId = await conversation.external(() => newEntryId());

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
  const checked = await conversation.external(() => clientDuplicates(actor, candidate));
  if (!checked.ok) return void (await ctx.reply(refusalText(t, checked.error)));
  if (await reportDuplicates(ctx, t, checked.value)) return;

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
  const added = await conversation.external(async () => {
    const r = await addClient({ actor, id: clientId, client, now: deps.clock.now() });
    if (r.ok) return { ok: true as const, name: r.value.name };
    return { ok: false as const, error: r.error, duplicates: r.error === "duplicate" ? r.data.duplicates : [] };
  });
  if (!added.ok) {
    // Someone added the same client while this one was being typed.
    if (await reportDuplicates(ctx, t, added.duplicates)) return;
    return void (await ctx.reply(isRefusal(added.error) ? refusalText(t, added.error) : t(`error-${added.error}`)));
  }
  const view = clientCreatedView(t, { id: clientId, name: added.name });
  await ctx.reply(view.text, { reply_markup: view.keyboard });
});

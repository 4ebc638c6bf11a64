import { Composer, InlineKeyboard } from "grammy";
import { viewerOf } from "../../../../scenes/actor.js";
import { actorOf } from "../../access.js";
import { EDIT_CLIENT, MARK_LOST, TEXT_FIELDS, type TextField } from "../../../../scenes/clients/edit-client.js";
import { LOG_CONTACT } from "../../../../scenes/clients/log-contact.js";
import { LOG_DEAL } from "../../../../scenes/deals/log-deal.js";
import { NEW_CLIENT } from "../../../../scenes/clients/new-client.js";
import { loadClientCard } from "../../../clients/card.js";
import { editClient, setClientStatus } from "../../../clients/edit-client.js";
import { CLIENT_FILTERS, findClients, listClients, type ClientFilter, type ClientListItem, type Page } from "../../../clients/queries.js";
import { findVisibleClient } from "../../../clients/viewer.js";
import { Member } from "../../../teams/member.model.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { membershipOf, requireRole } from "../../access.js";
import { showInPlace } from "../../ui.js";
import { renderClientCard, rotationLabel } from "../../../telegram/clients/client-card.js";

const PAGE_SIZE = 8;
const HISTORY_PAGE_SIZE = 6;
/** Bytes of a /find query that fit in a paging button (callback data is at most 64 bytes). */
const FIND_QUERY_BYTES = 42;

/**
 * Managers' and directors' daily work on clients: lists, cards, search, and
 * the entry points of the guided conversations. Every id in a payload is
 * re-checked against what the sender may see (src/clients/viewer.ts).
 */
export function clientsFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");
  const directors = requireRole("director");
  const viewer = (ctx: BotContext) => viewerOf(actorOf(ctx));

  const itemLabel = (ctx: BotContext, c: ClientListItem) =>
    `${c.keyAccount ? "⭐ " : ""}${c.name} · ${c.status === "lost" ? ctx.t("client-status-lost") : rotationLabel(ctx.t, c.rotationDueAt, deps.clock.now())}`;

  function listKeyboard(ctx: BotContext, page: Page<ClientListItem>, pageData: (p: number) => string, extra?: (kb: InlineKeyboard) => void) {
    const kb = new InlineKeyboard();
    for (const c of page.items) kb.text(itemLabel(ctx, c), `cl:v:${c._id}:0`).row();
    if (page.page > 0) kb.text("◀", pageData(page.page - 1));
    if (page.hasMore) kb.text("▶", pageData(page.page + 1));
    kb.row();
    extra?.(kb);
    return kb;
  }

  async function showList(ctx: BotContext, filter: ClientFilter, page: number, ownerId: string | undefined, inPlace: boolean) {
    const v = viewer(ctx);
    const result = await listClients(v, { filter, page, pageSize: PAGE_SIZE, ownerId });
    const owner = ownerId ? `:${ownerId}` : "";
    const kb = listKeyboard(ctx, result, (p) => `cl:l:${filter}:${p}${owner}`, (k) => {
      for (const f of CLIENT_FILTERS) k.text(f === filter ? `• ${ctx.t(`filter-${f}`)}` : ctx.t(`filter-${f}`), `cl:l:${f}:0${owner}`);
      k.row();
      if (v.role === "director") k.text(ctx.t("btn-by-manager"), "cl:m");
    });
    const text = result.items.length
      ? ctx.t(v.role === "director" ? "clients-team-title" : "clients-title", { filter: ctx.t(`filter-${filter}`), page: page + 1 })
      : ctx.t("clients-empty", { filter: ctx.t(`filter-${filter}`) });
    if (inPlace) await showInPlace(ctx, text, kb);
    else await ctx.reply(text, { reply_markup: kb });
  }

  async function showCard(ctx: BotContext, clientId: string, page: number, inPlace: boolean) {
    const { team } = membershipOf(ctx);
    const card = await loadClientCard(viewer(ctx), clientId, page, HISTORY_PAGE_SIZE);
    if (!card) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t("client-not-yours"), show_alert: true });
      else await ctx.reply(ctx.t("client-not-yours"));
      return;
    }
    const { text, keyboard } = renderClientCard(ctx.t, {
      ...card,
      now: deps.clock.now(),
      timezone: team.timezone,
      currency: team.currency,
      language: ctx.identity.language,
    });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    if (inPlace) await showInPlace(ctx, text, keyboard);
    else await ctx.reply(text, { reply_markup: keyboard });
  }

  composer.command("clients", members, (ctx) => showList(ctx, "active", 0, undefined, false));
  composer.callbackQuery(/^cl:l:([a-z-]+):(\d+)(?::(\w+))?$/, members, async (ctx) => {
    const filter = ctx.match[1] as ClientFilter;
    if (!CLIENT_FILTERS.includes(filter)) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    await ctx.answerCallbackQuery();
    await showList(ctx, filter, Number(ctx.match[2]), ctx.match[3], true);
  });

  composer.callbackQuery("cl:m", directors, async (ctx) => {
    const { team } = membershipOf(ctx);
    const managers = await Member.find({ teamId: team._id, active: true }, { name: 1 }).sort({ name: 1 }).lean();
    const kb = new InlineKeyboard();
    for (const m of managers) kb.text(m.name, `cl:l:active:0:${m._id}`).row();
    kb.text(ctx.t("free-pool"), "cl:l:active:0:pool").row().text(ctx.t("btn-back"), "cl:l:active:0");
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("clients-pick-manager"), kb);
  });

  composer.callbackQuery(/^cl:v:(\w+):(\d+)$/, members, (ctx) => showCard(ctx, ctx.match[1]!, Number(ctx.match[2]), true));

  composer.command("find", members, async (ctx) => {
    const text = ctx.match.trim();
    if (!text) return void (await ctx.reply(ctx.t("find-usage")));
    await showFound(ctx, text, 0, false);
  });
  composer.callbackQuery(/^cl:f:(\d+):([\w-]*)$/, members, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showFound(ctx, Buffer.from(ctx.match[2]!, "base64url").toString("utf8"), Number(ctx.match[1]), true);
  });

  async function showFound(ctx: BotContext, text: string, page: number, inPlace: boolean) {
    const result = await findClients(viewer(ctx), text, page, PAGE_SIZE);
    const query = Buffer.from(text).subarray(0, FIND_QUERY_BYTES).toString("base64url");
    const kb = listKeyboard(ctx, result, (p) => `cl:f:${p}:${query}`);
    const message = result.items.length ? ctx.t("find-results", { text, page: page + 1 }) : ctx.t("find-nothing", { text });
    if (inPlace) await showInPlace(ctx, message, kb);
    else await ctx.reply(message, { reply_markup: kb });
  }

  // Entry points of the guided conversations; the conversations re-check the client themselves.
  composer.command("newclient", members, (ctx) => ctx.conversation.enter(NEW_CLIENT, actorOf(ctx)));
  composer.command("contact", members, (ctx) => ctx.conversation.enter(LOG_CONTACT, actorOf(ctx), null));
  composer.command("deal", members, (ctx) => ctx.conversation.enter(LOG_DEAL, actorOf(ctx), null));
  composer.callbackQuery(/^cl:([cd]):(\w+)$/, members, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(ctx.match[1] === "c" ? LOG_CONTACT : LOG_DEAL, actorOf(ctx), ctx.match[2]);
  });

  composer.callbackQuery(/^cl:e:(\w+)$/, members, async (ctx) => {
    const id = ctx.match[1]!;
    const client = await findVisibleClient(viewer(ctx), id);
    if (!client) return void (await ctx.answerCallbackQuery({ text: ctx.t("client-not-yours"), show_alert: true }));
    const kb = new InlineKeyboard();
    TEXT_FIELDS.forEach((f, i) => {
      kb.text(ctx.t(`field-${f}`), `cl:ef:${id}:${f}`);
      if (i % 2 === 1) kb.row();
    });
    kb.row().text(ctx.t(client.kind === "b2b" ? "btn-make-b2c" : "btn-make-b2b"), `cl:et:${id}:kind`);
    kb.text(ctx.t(client.keyAccount ? "btn-unmark-key" : "btn-mark-key"), `cl:et:${id}:keyAccount`).row();
    if (viewer(ctx).role === "director") kb.text(ctx.t(client.pinned ? "btn-unpin" : "btn-pin"), `cl:et:${id}:pinned`).row();
    kb.text(ctx.t("btn-back"), `cl:v:${id}:0`);
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("edit-choose-field", { name: client.name }), kb);
  });

  composer.callbackQuery(/^cl:ef:(\w+):(\w+)$/, members, async (ctx) => {
    const field = ctx.match[2] as TextField;
    if (!TEXT_FIELDS.includes(field)) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    if (!(await findVisibleClient(viewer(ctx), ctx.match[1]!))) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("client-not-yours"), show_alert: true }));
    }
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(EDIT_CLIENT, actorOf(ctx), ctx.match[1], field);
  });

  // Yes/no fields flip in place: kind, key account, pinned (directors).
  composer.callbackQuery(/^cl:et:(\w+):(kind|keyAccount|pinned)$/, members, async (ctx) => {
    const [, id, field] = ctx.match as unknown as [string, string, "kind" | "keyAccount" | "pinned"];
    const v = viewer(ctx);
    const client = await findVisibleClient(v, id);
    if (!client) return void (await ctx.answerCallbackQuery({ text: ctx.t("client-not-yours"), show_alert: true }));
    const raw = field === "kind" ? (client.kind === "b2b" ? "b2c" : "b2b") : String(!client[field]);
    const { team } = membershipOf(ctx);
    const result = await editClient({ viewer: v, clientId: id, field, raw, country: undefined, rotation: team.settings.rotation, now: deps.clock.now() });
    if (!result.ok) {
      const text = ctx.t(result.error === "directors-only" ? "access-directors-only" : "client-not-yours");
      return void (await ctx.answerCallbackQuery({ text, show_alert: true }));
    }
    await showCard(ctx, id, 0, true);
  });

  composer.callbackQuery(/^cl:L:(\w+)$/, members, async (ctx) => {
    if (!(await findVisibleClient(viewer(ctx), ctx.match[1]!))) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("client-not-yours"), show_alert: true }));
    }
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(MARK_LOST, actorOf(ctx), ctx.match[1]);
  });

  composer.callbackQuery(/^cl:R:(\w+)$/, members, async (ctx) => {
    const { team } = membershipOf(ctx);
    const result = await setClientStatus({
      viewer: viewer(ctx),
      clientId: ctx.match[1]!,
      status: "active",
      reason: null,
      rotation: team.settings.rotation,
      now: deps.clock.now(),
    });
    if (!result.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t("client-not-yours"), show_alert: true }));
    await showCard(ctx, ctx.match[1]!, 0, true);
  });

  return composer;
}


import { InlineKeyboard } from "grammy";
import type { PickedClient, SearchPage, TeamMemberName } from "../../clients/browse.js";
import type { ClientDoc } from "../../clients/client.model.js";
import type { DueReminder } from "../../clients/contacts.js";
import type { DuplicateMatch } from "../../clients/duplicates.js";
import { TEXT_FIELDS } from "../../clients/edit-client.js";
import { CLIENT_FILTERS, type ClientFilter, type ClientListItem, type Page } from "../../clients/queries.js";
import type { Translate } from "../../i18n/i18n.js";
import type { Role } from "../../teams/member.model.js";
import { logDealButton } from "../deals/callbacks.js";
import { buttonLabel } from "../limits.js";
import {
  clientCardButton,
  clientFlagButton,
  clientKindButton,
  clientListButton,
  clientOwnersButton,
  editFieldButton,
  followUpDoneButton,
  followUpSnoozeButton,
  logContactButton,
  searchPageButton,
} from "./callbacks.js";
import { rotationLabel } from "./client-card.js";

export { clientCardView, rotationLabel, type CardView } from "./client-card.js";

export interface View {
  text: string;
  keyboard?: InlineKeyboard;
}

/** Members per page of "By manager": well inside Telegram's 100 buttons. */
export const OWNERS_PER_PAGE = 20;

const itemLabel = (t: Translate, c: ClientListItem, now: Date) =>
  `${c.keyAccount ? "⭐ " : ""}${c.name} · ${c.status === "lost" ? t("client-status-lost") : rotationLabel(t, c.rotationDueAt, now)}`;

/** One button per client (to its card), then ◀ ▶ to page. */
function clientButtons(t: Translate, clients: Page<ClientListItem>, now: Date, pageData: (page: number) => string): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const c of clients.items) kb.text(itemLabel(t, c, now), clientCardButton.pack({ clientId: String(c._id), page: 0 })).row();
  if (clients.page > 0) kb.text("◀", pageData(clients.page - 1));
  if (clients.hasMore) kb.text("▶", pageData(clients.page + 1));
  return kb.row();
}

/** /clients: a page of clients, the filters, and (directors) "By manager". */
export function clientListView(
  t: Translate,
  v: { role: Role; filter: ClientFilter; owner: string | null; clients: Page<ClientListItem>; now: Date },
): View {
  const { filter, owner } = v;
  const kb = clientButtons(t, v.clients, v.now, (page) => clientListButton.pack({ filter, page, owner }));
  for (const f of CLIENT_FILTERS) {
    kb.text(f === filter ? `• ${t(`filter-${f}`)}` : t(`filter-${f}`), clientListButton.pack({ filter: f, page: 0, owner }));
  }
  kb.row();
  if (v.role === "director") kb.text(t("btn-by-manager"), clientOwnersButton.pack({ page: 0 }));
  const text = v.clients.items.length
    ? t(v.role === "director" ? "clients-team-title" : "clients-title", { filter: t(`filter-${filter}`), page: v.clients.page + 1 })
    : t("clients-empty", { filter: t(`filter-${filter}`) });
  return { text, keyboard: kb };
}

/** "Whose clients?": the team's members a page at a time, the free pool, back. */
export function clientOwnersView(t: Translate, members: TeamMemberName[], page: number): View {
  const pages = Math.max(1, Math.ceil(members.length / OWNERS_PER_PAGE));
  const current = Math.min(Math.max(page, 0), pages - 1);
  const kb = new InlineKeyboard();
  for (const m of members.slice(current * OWNERS_PER_PAGE, (current + 1) * OWNERS_PER_PAGE)) {
    kb.text(buttonLabel(m.name), clientListButton.pack({ filter: "active", page: 0, owner: m.id })).row();
  }
  if (current > 0) kb.text("◀", clientOwnersButton.pack({ page: current - 1 }));
  if (current < pages - 1) kb.text("▶", clientOwnersButton.pack({ page: current + 1 }));
  kb.row();
  kb.text(t("free-pool"), clientListButton.pack({ filter: "active", page: 0, owner: "pool" }));
  kb.row().text(t("btn-back"), clientListButton.pack({ filter: "active", page: 0, owner: null }));
  const text = t("clients-pick-manager") + (pages > 1 ? `\n${t("page-of", { page: current + 1, pages })}` : "");
  return { text, keyboard: kb };
}

/** /find: a page of what matched; the paging buttons name the search, not the query. */
export function searchResultsView(t: Translate, search: SearchPage, now: Date): View {
  const { searchId, text, clients } = search;
  const keyboard = clientButtons(t, clients, now, (page) => searchPageButton.pack({ searchId, page }));
  const message = clients.items.length ? t("find-results", { text, page: clients.page + 1 }) : t("find-nothing", { text });
  return { text: message, keyboard };
}

/** The card's "Edit": typed fields two per row, then kind, key account, pin (directors), back. */
export function editMenuView(t: Translate, client: Pick<ClientDoc, "_id" | "name" | "kind" | "keyAccount" | "pinned">, role: Role): View {
  const clientId = String(client._id);
  const kb = new InlineKeyboard();
  TEXT_FIELDS.forEach((field, i) => {
    kb.text(t(`field-${field}`), editFieldButton.pack({ clientId, field }));
    if (i % 2 === 1) kb.row();
  });
  kb.row();
  kb.text(
    t(client.kind === "b2b" ? "btn-make-b2c" : "btn-make-b2b"),
    clientKindButton.pack({ clientId, kind: client.kind === "b2b" ? "b2c" : "b2b" }),
  );
  kb.text(t(client.keyAccount ? "btn-unmark-key" : "btn-mark-key"), clientFlagButton.pack({ clientId, flag: "keyAccount", on: !client.keyAccount }));
  kb.row();
  if (role === "director") {
    kb.text(t(client.pinned ? "btn-unpin" : "btn-pin"), clientFlagButton.pack({ clientId, flag: "pinned", on: !client.pinned })).row();
  }
  kb.text(t("btn-back"), clientCardButton.pack({ clientId, page: 0 }));
  return { text: t("edit-choose-field", { name: client.name }), keyboard: kb };
}

/** A single "Open the card" button, under any message that names a client. */
export function openCardKeyboard(t: Translate, clientId: string): InlineKeyboard {
  return new InlineKeyboard().text(t("btn-open-card"), clientCardButton.pack({ clientId, page: 0 }));
}

/** After /newclient: open the card, or log the first contact or deal. */
export function clientCreatedView(t: Translate, client: PickedClient): View {
  const clientId = client.id;
  return {
    text: t("client-created", { name: client.name }),
    keyboard: openCardKeyboard(t, clientId)
      .row()
      .text(t("btn-log-contact"), logContactButton.pack({ clientId }))
      .text(t("btn-log-deal"), logDealButton.pack({ clientId })),
  };
}

/** The team already has this client: whose it is (one's own is offered to open). */
export function duplicateView(t: Translate, match: DuplicateMatch): View {
  const reason = t(`duplicate-reason-${match.reason}`);
  switch (match.holder) {
    case "self":
      return { text: t("duplicate-own", { name: match.name, reason }), keyboard: openCardKeyboard(t, match.clientId) };
    case "pool":
      return { text: t("duplicate-pool", { name: match.name, reason }) };
    case "other":
      return { text: t("duplicate-other", { name: match.name, reason, holder: match.holderName ?? "?" }) };
  }
}

/** The reminder of a follow-up: done (then log what happened), in an hour, tomorrow. */
export function followUpReminderView(t: Translate, r: Pick<DueReminder, "eventId" | "clientName" | "kind" | "text">): View {
  const { eventId } = r;
  return {
    text: t("follow-up-reminder", { client: r.clientName, kind: t(`contact-kind-${r.kind}`), text: r.text }),
    keyboard: new InlineKeyboard()
      .text(t("btn-follow-up-done"), followUpDoneButton.pack({ eventId }))
      .row()
      .text(t("btn-snooze-hour"), followUpSnoozeButton.pack({ eventId, snooze: "hour" }))
      .text(t("btn-snooze-tomorrow"), followUpSnoozeButton.pack({ eventId, snooze: "tomorrow" })),
  };
}

import { InlineKeyboard } from "grammy";
import type { ClientDeals } from "../../deals/deal-access.js";
import type { DealDoc } from "../../deals/deal.model.js";
import type { Translate } from "../../i18n/i18n.js";
import dayjs from "../../shared/dayjs.js";
import { formatAmount } from "../../shared/parse/amount.js";
import { clientCardButton } from "../clients/callbacks.js";
import { buttonLabel } from "../limits.js";
import type { View } from "../teams/views.js";
import {
  clientDealsButton,
  clientDealsPageButton,
  dealCardButton,
  dealDeleteButton,
  dealDeleteConfirmButton,
  dealEditButton,
} from "./callbacks.js";

export interface MoneyFormat {
  currency: string;
  language: string;
  timezone: string;
}

/** Deals per page of a client's deal list. */
export const DEALS_PER_PAGE = 10;

/** "25.11.2026" from the deal's local date "2026-11-25". */
const localDate = (date: string) => date.split("-").reverse().join(".");

/** A single "Open the card" button, under messages about a client. */
export const openCardKeyboard = (t: Translate, clientId: string): InlineKeyboard =>
  new InlineKeyboard().text(t("btn-open-card"), clientCardButton.pack({ clientId, page: 0 }));

/** A client's deals, newest first, a page at a time; each a button to the deal's card. */
export function clientDealsView(t: Translate, list: ClientDeals, f: Pick<MoneyFormat, "currency" | "language">): View {
  const keyboard = new InlineKeyboard();
  for (const d of list.deals) {
    const line = t("deal-list-line", { number: d.sequence, date: localDate(d.date), amount: formatAmount(d.amountMinor, f.currency, f.language) });
    keyboard.text(buttonLabel(line), dealCardButton.pack({ dealId: String(d._id) })).row();
  }
  const clientId = list.client.id;
  if (list.page > 0) keyboard.text("◀", clientDealsPageButton.pack({ clientId, page: list.page - 1 }));
  if (list.hasMore) keyboard.text("▶", clientDealsPageButton.pack({ clientId, page: list.page + 1 }));
  keyboard.row().text(t("btn-back"), clientCardButton.pack({ clientId, page: 0 }));
  if (list.deals.length === 0) return { text: t("deals-none", { client: list.client.name }), keyboard };
  const paged = list.page > 0 || list.hasMore;
  return { text: t("deals-title", { client: list.client.name }) + (paged ? `\n${t("deals-page", { page: list.page + 1 })}` : ""), keyboard };
}

/** One deal: its figures and what may be done with it. */
export function dealCardView(t: Translate, deal: DealDoc, f: MoneyFormat): View {
  const money = (minor: number | null) => (minor === null ? "—" : formatAmount(minor, f.currency, f.language));
  const dealId = String(deal._id);
  const keyboard = new InlineKeyboard()
    .text(t("btn-deal-amount"), dealEditButton.pack({ dealId, field: "amount" }))
    .text(t("btn-deal-profit"), dealEditButton.pack({ dealId, field: "profit" }))
    .row()
    .text(t("btn-deal-delete"), dealDeleteButton.pack({ dealId }))
    .row()
    .text(t("btn-back"), clientDealsButton.pack({ clientId: String(deal.clientId) }));
  const text = t("deal-card", {
    number: deal.sequence,
    date: dayjs(deal.at).tz(f.timezone).format("DD.MM.YYYY"),
    amount: money(deal.amountMinor),
    profit: money(deal.profitMinor),
    note: deal.note ?? "—",
  });
  return { text, keyboard };
}

export function dealDeleteConfirmView(t: Translate, deal: DealDoc): View {
  const dealId = String(deal._id);
  const keyboard = new InlineKeyboard()
    .text(t("btn-deal-delete-confirm"), dealDeleteConfirmButton.pack({ dealId }))
    .row()
    .text(t("btn-back"), dealCardButton.pack({ dealId }));
  return { text: t("deal-delete-confirm", { number: deal.sequence }), keyboard };
}

export function dealDeletedView(t: Translate, clientId: string): View {
  return { text: t("deal-deleted"), keyboard: openCardKeyboard(t, clientId) };
}

export function dealCorrectedView(t: Translate, clientId: string): View {
  return { text: t("deal-edited"), keyboard: openCardKeyboard(t, clientId) };
}

/** The end of "log a deal": the deal's number (a first deal is celebrated) and the way back to the card. */
export function dealLoggedView(t: Translate, input: { clientId: string; clientName: string; amount: string; sequence: number }): View {
  const text = t(input.sequence === 1 ? "deal-saved-first" : "deal-saved", { client: input.clientName, amount: input.amount, number: input.sequence });
  return { text, keyboard: openCardKeyboard(t, input.clientId) };
}

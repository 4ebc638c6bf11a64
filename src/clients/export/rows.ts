import type { DealDoc } from "../../deals/deal.model.js";
import dayjs from "../../shared/dayjs.js";
import { currencyMinorDigits } from "../../shared/parse/amount.js";
import type { ContactEvent, ContactKind } from "../client-event.model.js";
import type { ClientDoc } from "../client.model.js";
import { safeCell } from "./csv-file.js";

/**
 * One CSV line per client, contact or deal, as a person reads it: names
 * instead of ids, times in the team's timezone, money as a decimal number in
 * the currency's units. Column titles come from the locale files
 * (`export-col-<column>`); the client columns are titled so that the import
 * reads a clients export back (see src/clients/import/columns.ts).
 */

export const EXPORT_KINDS = ["clients", "contacts", "deals"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_COLUMNS = {
  clients: ["name", "kind", "key", "phones", "email", "contact", "source", "tags", "notes", "owner", "status", "created", "assigned", "first-deal", "last-deal", "deals"],
  contacts: ["at", "client", "type", "author", "text", "follow-up", "follow-up-state"],
  deals: ["date", "client", "manager", "amount", "profit", "currency", "sequence", "note", "recorded"],
} as const satisfies Record<ExportKind, readonly string[]>;
export type ExportColumn = (typeof EXPORT_COLUMNS)[ExportKind][number];

/** Words that depend on the director's language. */
export interface ExportLabels {
  yes: string;
  no: string;
  freePool: string;
  status: Record<ClientDoc["status"], string>;
  contactKind: Record<ContactKind, string>;
  followUp: Record<"scheduled" | "sent" | "done", string>;
}

export interface ExportContext {
  timezone: string;
  /** Member id → name, for owners, authors and managers. */
  members: ReadonlyMap<string, string>;
  labels: ExportLabels;
}

/** "2026-11-25 14:30" in the team's zone; empty for no time. */
export function localTime(at: Date | null | undefined, timezone: string): string {
  return at ? dayjs(at).tz(timezone).format("YYYY-MM-DD HH:mm") : "";
}

/** 1250050 minor units of RUB → "12500.50"; JPY has no minor unit → "1250050". No grouping, a dot: spreadsheets read it as a number. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = BigInt(Math.abs(Math.trunc(minor))).toString().padStart(digits + 1, "0");
  return digits > 0 ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
}

const memberName = (ctx: ExportContext, id: unknown) => (id ? (ctx.members.get(String(id)) ?? "?") : "");

export function clientRow(c: ClientDoc, ctx: ExportContext): string[] {
  return [
    safeCell(c.name),
    c.kind,
    c.keyAccount ? ctx.labels.yes : ctx.labels.no,
    c.phones.join("; "),
    safeCell(c.email),
    safeCell(c.contactPerson),
    safeCell(c.source),
    safeCell(c.tags.join("; ")),
    safeCell(c.notes),
    c.ownerId ? memberName(ctx, c.ownerId) : ctx.labels.freePool,
    ctx.labels.status[c.status],
    localTime(c.createdAt, ctx.timezone),
    localTime(c.assignedAt, ctx.timezone),
    localTime(c.firstDealAt, ctx.timezone),
    localTime(c.lastDealAt, ctx.timezone),
    String(c.dealCount),
  ];
}

export function contactRow(e: ContactEvent, clientName: string, ctx: ExportContext): string[] {
  return [
    localTime(e.at, ctx.timezone),
    safeCell(clientName),
    ctx.labels.contactKind[e.kind] ?? e.kind,
    memberName(ctx, e.actorId),
    safeCell(e.text),
    localTime(e.followUpAt, ctx.timezone),
    e.followUpState ? ctx.labels.followUp[e.followUpState] : "",
  ];
}

/** The deal's own calendar day (already in the team's zone), and when it was recorded. */
export function dealRow(d: DealDoc, clientName: string, ctx: ExportContext): string[] {
  return [
    d.date,
    safeCell(clientName),
    memberName(ctx, d.managerId),
    minorToDecimal(d.amountMinor, d.currency),
    d.profitMinor === null || d.profitMinor === undefined ? "" : minorToDecimal(d.profitMinor, d.currency),
    d.currency,
    String(d.sequence),
    safeCell(d.note),
    localTime(d.createdAt, ctx.timezone),
  ];
}

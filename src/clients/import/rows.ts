import type { CountryCode } from "libphonenumber-js";
import { parseEmail } from "../../shared/parse/email.js";
import { normalizePhone } from "../../shared/parse/phone.js";
import type { NewClient } from "../create-client.js";
import { parseClientName } from "../edit-client.js";
import type { ColumnMapping, ImportField } from "./columns.js";

/** Why a row cannot become a client; each code has an `import-bad-<code>` text. */
export type RowErrorCode = "name-missing" | "name-length" | "phone" | "email" | "kind" | "key" | "too-long";

export interface RowError {
  code: RowErrorCode;
  /** The offending value, or the column for "too-long", shown to the director. */
  detail?: string;
}

export type RowResult = { ok: true; value: NewClient } | { ok: false; error: RowError };

const fail = (code: RowErrorCode, detail?: string): RowResult => ({ ok: false, error: detail === undefined ? { code } : { code, detail } });

/** The same limits as typing a client in the guided flow (src/clients/edit-client.ts). */
const MAX_TEXT = 200;
const MAX_NOTES = 2000;
const MAX_TAGS = 20;

const KIND_WORDS: Record<string, "b2b" | "b2c"> = Object.fromEntries([
  ...["b2b", "company", "business", "legal", "юр", "юрлицо", "юр лицо", "юридическое лицо", "компания", "организация", "कंपनी", "व्यवसाय"].map((w) => [w, "b2b"] as const),
  ...["b2c", "person", "private", "individual", "consumer", "физ", "физлицо", "физ лицо", "физическое лицо", "частное лицо", "व्यक्ति"].map((w) => [w, "b2c"] as const),
]);

const YES = new Set(["yes", "y", "true", "1", "x", "+", "key", "vip", "да", "д", "ключевой", "हाँ", "हां", "हा"]);
const NO = new Set(["no", "n", "false", "0", "-", "нет", "н", "नहीं", "ना"]);

/**
 * A spreadsheet cell may have been written by our own export, which puts an
 * apostrophe before text starting with = + - @ so that Excel does not run it
 * as a formula. Reading it back, the apostrophe goes again.
 */
export function unescapeCell(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

function cell(cells: string[], mapping: ColumnMapping, field: ImportField): string {
  const index = mapping.fields[field]?.[0];
  return index === undefined ? "" : unescapeCell((cells[index] ?? "").trim());
}

const split = (value: string) =>
  value
    .split(/[;,\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * One data row as a new client, or the first reason it cannot be one.
 * Phones are read with the team's country; several numbers in a cell are
 * split at "," or ";". Kind defaults to b2b, the key flag to no.
 */
export function parseRow(cells: string[], mapping: ColumnMapping, country: CountryCode | undefined): RowResult {
  const rawName = cell(cells, mapping, "name");
  if (!rawName) return fail("name-missing");
  const name = parseClientName(rawName);
  if (!name.ok) return fail("name-length", rawName);

  const phones: string[] = [];
  for (const index of mapping.fields.phone ?? []) {
    for (const raw of split(unescapeCell((cells[index] ?? "").trim()))) {
      const phone = normalizePhone(raw, country);
      if (!phone.ok) return fail("phone", raw);
      if (!phones.includes(phone.value)) phones.push(phone.value);
    }
  }

  const rawEmail = cell(cells, mapping, "email");
  let email: string | null = null;
  if (rawEmail) {
    const parsed = parseEmail(rawEmail);
    if (!parsed.ok) return fail("email", rawEmail);
    email = parsed.value;
  }

  const rawKind = cell(cells, mapping, "kind").toLowerCase();
  const kind = rawKind ? KIND_WORDS[rawKind.replace(/[.\-]/g, " ").replace(/\s+/g, " ").trim()] : "b2b";
  if (!kind) return fail("kind", rawKind);

  const rawKey = cell(cells, mapping, "key").toLowerCase();
  if (rawKey && !YES.has(rawKey) && !NO.has(rawKey)) return fail("key", rawKey);

  const texts: Record<"contact" | "source" | "notes", string> = {
    contact: cell(cells, mapping, "contact").replace(/\s+/g, " "),
    source: cell(cells, mapping, "source").replace(/\s+/g, " "),
    notes: cell(cells, mapping, "notes"),
  };
  for (const field of ["contact", "source", "notes"] as const) {
    if (texts[field].length > (field === "notes" ? MAX_NOTES : MAX_TEXT)) return fail("too-long", headerOf(mapping, field));
  }

  const tags = [...new Set(split(cell(cells, mapping, "tags")).map((t) => t.replace(/^#/, "")).filter(Boolean))];
  if (tags.length > MAX_TAGS || tags.some((t) => t.length > 50)) return fail("too-long", headerOf(mapping, "tags"));

  return {
    ok: true,
    value: {
      name: name.value,
      kind,
      keyAccount: YES.has(rawKey),
      phones,
      email,
      contactPerson: texts.contact || null,
      source: texts.source || null,
      notes: texts.notes || null,
      tags,
    },
  };
}

function headerOf(mapping: ColumnMapping, field: ImportField): string {
  const index = mapping.fields[field]?.[0];
  return index === undefined ? field : (mapping.columns[index]?.header ?? field);
}

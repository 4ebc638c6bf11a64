/**
 * Which column of an uploaded CSV holds which client field, read from the
 * header row. Directors export their old base from Excel, Google Sheets,
 * amoCRM or 1C, in English, Russian or Hindi, so headers are matched loosely:
 * case, punctuation and word order around the keyword do not matter.
 */

export const IMPORT_FIELDS = ["name", "phone", "email", "contact", "source", "kind", "key", "tags", "notes"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ColumnMapping {
  /** Per column of the file: the field it feeds, or null when it is ignored. */
  columns: { header: string; field: ImportField | null }[];
  /** Column indexes per field; phones may come from several columns ("Phone", "Mobile"). */
  fields: Partial<Record<ImportField, number[]>>;
}

/**
 * Header words per field, already normalized (see normalizeHeader). Checked in
 * this order, so "Contact phone" is a phone, "Contact name" a contact person and
 * "Client type" a kind, not a name.
 */
const SYNONYMS: [ImportField, string[]][] = [
  ["email", ["email", "e mail", "mail", "emails", "почта", "эл почта", "электронная почта", "емейл", "имейл", "ईमेल", "ई मेल"]],
  ["phone", ["phone", "phones", "tel", "telephone", "mobile", "cell", "whatsapp", "телефон", "телефоны", "тел", "мобильный", "сотовый", "फ़ोन", "फोन", "मोबाइल", "दूरभाष"]],
  ["kind", ["kind", "type", "client type", "тип", "вид", "प्रकार"]],
  ["key", ["key", "key account", "key client", "vip", "ключевой", "ключевой клиент", "मुख्य", "मुख्य ग्राहक", "प्रमुख"]],
  ["tags", ["tags", "tag", "labels", "теги", "тег", "метки", "टैग"]],
  ["source", ["source", "lead source", "channel", "источник", "канал", "स्रोत"]],
  ["notes", ["notes", "note", "comment", "comments", "description", "комментарий", "комментарии", "примечание", "примечания", "заметки", "описание", "नोट", "नोट्स", "टिप्पणी", "विवरण"]],
  ["contact", ["contact", "contact person", "contact name", "контакт", "контакта", "контактное лицо", "контактное", "имя контакта", "संपर्क", "संपर्क व्यक्ति"]],
  ["name", ["name", "company", "client", "customer", "organization", "organisation", "account", "название", "наименование", "клиент", "компания", "организация", "имя", "фио", "नाम", "कंपनी", "ग्राहक"]],
];

/** "Телефон (моб.)" → "телефон моб"; NFKC so a typed "फ़" and a composed one are the same letters. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim();
}

const NORMALIZED: [ImportField, string[]][] = SYNONYMS.map(([field, words]) => [field, words.map(normalizeHeader)]);

/** The field a header names: an exact synonym first, else the first field whose synonym is one of its words. */
export function fieldOfHeader(header: string): ImportField | null {
  const text = normalizeHeader(header);
  if (!text) return null;
  for (const [field, words] of NORMALIZED) if (words.includes(text)) return field;
  const padded = ` ${text} `;
  for (const [field, words] of NORMALIZED) if (words.some((w) => padded.includes(` ${w} `))) return field;
  return null;
}

/** Maps a header row. Only phones may come from several columns; a second "Name" column is ignored, not merged. */
export function mapColumns(headers: string[]): ColumnMapping {
  const fields: ColumnMapping["fields"] = {};
  const columns = headers.map((header, index) => {
    let field = fieldOfHeader(header);
    if (field && field !== "phone" && fields[field]) field = null;
    if (field) (fields[field] ??= []).push(index);
    return { header, field };
  });
  return { columns, fields };
}

const DELIMITERS = [",", ";", "\t"] as const;

/**
 * The delimiter of a file, judged from its header line: the candidate seen
 * most often outside quotes. Excel writes ";" where "," is the decimal mark
 * (Russia, most of Europe); a header with a single column has none, and "," is
 * as good as any then.
 */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best: string = ",";
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

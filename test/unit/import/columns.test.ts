import { describe, expect, it } from "vitest";
import { detectDelimiter, fieldOfHeader, mapColumns } from "../../../src/clients/import/columns.js";
import { EXPORT_COLUMNS } from "../../../src/clients/export/rows.js";
import { SUPPORTED_LANGUAGES } from "../../../src/config.js";
import { createI18n } from "../../../src/i18n/i18n.js";

describe("column detection", () => {
  it.each([
    ["Name", "name"], ["Company name", "name"], ["CLIENT", "name"], ["Название", "name"], ["Наименование организации", "name"],
    ["Клиент", "name"], ["नाम", "name"], ["कंपनी", "name"], ["ФИО", "name"],
    ["Phone", "phone"], ["Phone number", "phone"], ["Mobile", "phone"], ["Телефон", "phone"], ["Тел.", "phone"],
    ["फ़ोन", "phone"], ["फोन", "phone"], ["Contact phone", "phone"],
    ["Email", "email"], ["E-mail", "email"], ["Эл. почта", "email"], ["ईमेल", "email"], ["Contact email", "email"],
    ["Contact", "contact"], ["Contact person", "contact"], ["Контактное лицо", "contact"], ["Имя контакта", "contact"], ["संपर्क व्यक्ति", "contact"],
    ["Source", "source"], ["Источник", "source"], ["स्रोत", "source"],
    ["Type", "kind"], ["Kind", "kind"], ["Client type", "kind"], ["Тип клиента", "kind"], ["प्रकार", "kind"],
    ["Key", "key"], ["Key account", "key"], ["Ключевой", "key"], ["मुख्य ग्राहक", "key"],
    ["Tags", "tags"], ["Теги", "tags"], ["टैग", "tags"],
    ["Notes", "notes"], ["Comment", "notes"], ["Комментарий", "notes"], ["टिप्पणी", "notes"],
  ])("%s → %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it.each(["", "Owner", "Ответственный", "Created", "Revenue 2025", "#"])("ignores %j", (header) => {
    expect(fieldOfHeader(header)).toBeNull();
  });

  it("takes phones from every phone column, but only the first column of other fields", () => {
    const mapping = mapColumns(["Name", "Phone", "Mobile", "Company", "Email"]);
    expect(mapping.fields).toEqual({ name: [0], phone: [1, 2], email: [4] });
    expect(mapping.columns.map((c) => c.field)).toEqual(["name", "phone", "phone", null, "email"]);
  });

  it("reads back the headers of its own clients export in every language", () => {
    const i18n = createI18n({ defaultLanguage: "en", languageOf: () => undefined });
    const expected = ["name", "kind", "key", "phone", "email", "contact", "source", "tags", "notes", null, null, null, null, null, null, null];
    for (const language of SUPPORTED_LANGUAGES) {
      const headers = EXPORT_COLUMNS.clients.map((c) => i18n.t(language, `export-col-${c}`));
      expect(mapColumns(headers).columns.map((c) => c.field), language).toEqual(expected);
    }
  });
});

describe("delimiter detection", () => {
  it.each([
    ["name,phone,email", ","],
    ["name;phone;email", ";"],
    ["name\tphone\temail", "\t"],
    ['"Name, full";phone', ";"], // a comma inside quotes does not count
    ["name", ","],
    ['"a;b","c;d",e', ","],
  ])("%j → %j", (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

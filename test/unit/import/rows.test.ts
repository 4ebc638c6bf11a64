import { describe, expect, it } from "vitest";
import { mapColumns } from "../../../src/clients/import/columns.js";
import { parseRow, unescapeCell } from "../../../src/clients/import/rows.js";

const mapping = mapColumns(["Name", "Phone", "Email", "Contact", "Source", "Type", "Key", "Tags", "Notes", "Mobile"]);
const row = (values: Partial<Record<"name" | "phone" | "email" | "contact" | "source" | "type" | "key" | "tags" | "notes" | "mobile", string>>) =>
  [values.name, values.phone, values.email, values.contact, values.source, values.type, values.key, values.tags, values.notes, values.mobile].map((v) => v ?? "");

describe("row validation", () => {
  it("builds a client with normalized phones, email, tags and defaults", () => {
    const result = parseRow(
      row({ name: "  Acme   GmbH ", phone: "030 1234567; +49 30 7654321", email: " Info@Acme.DE ", tags: "#vip, wholesale;vip", mobile: "+49 30 1234567" }),
      mapping,
      "DE",
    );
    expect(result).toEqual({
      ok: true,
      value: {
        name: "Acme GmbH",
        kind: "b2b",
        keyAccount: false,
        phones: ["+49301234567", "+49307654321"],
        email: "info@acme.de",
        contactPerson: null,
        source: null,
        notes: null,
        tags: ["vip", "wholesale"],
      },
    });
  });

  it.each([
    [{ type: "B2C" }, "b2c", false], [{ type: "физлицо" }, "b2c", false], [{ type: "Company" }, "b2b", false],
    [{ key: "yes" }, "b2b", true], [{ key: "Да" }, "b2b", true], [{ key: "हाँ" }, "b2b", true], [{ key: "нет" }, "b2b", false], [{ key: "0" }, "b2b", false],
  ])("reads type and key account from %j", (values, kind, key) => {
    const result = parseRow(row({ name: "Acme", ...values }), mapping, "DE");
    expect(result.ok && [result.value.kind, result.value.keyAccount]).toEqual([kind, key]);
  });

  it.each([
    [{ name: "" }, { code: "name-missing" }],
    [{ name: "   ", phone: "+49 30 1234567" }, { code: "name-missing" }],
    [{ name: "A" }, { code: "name-length", detail: "A" }],
    [{ name: "Acme", phone: "123" }, { code: "phone", detail: "123" }],
    [{ name: "Acme", phone: "+49 30 1234567, call me" }, { code: "phone", detail: "call me" }],
    [{ name: "Acme", email: "info@" }, { code: "email", detail: "info@" }],
    [{ name: "Acme", type: "partner" }, { code: "kind", detail: "partner" }],
    [{ name: "Acme", key: "maybe" }, { code: "key", detail: "maybe" }],
    [{ name: "Acme", source: "x".repeat(201) }, { code: "too-long", detail: "Source" }],
    [{ name: "Acme", notes: "x".repeat(2001) }, { code: "too-long", detail: "Notes" }],
  ])("refuses %j with %j", (values, error) => {
    expect(parseRow(row(values), mapping, "DE")).toEqual({ ok: false, error });
  });

  it("reads a national number with the team's country, and refuses it without one", () => {
    expect(parseRow(row({ name: "Ромашка", phone: "8 912 345-67-89" }), mapping, "RU")).toMatchObject({ ok: true, value: { phones: ["+79123456789"] } });
    expect(parseRow(row({ name: "Ромашка", phone: "8 912 345-67-89" }), mapping, undefined)).toMatchObject({ ok: false });
  });

  it("tolerates short rows and strips the export's formula guard", () => {
    expect(parseRow(["'=Acme"], mapping, "DE")).toMatchObject({ ok: true, value: { name: "=Acme", phones: [] } });
    expect(unescapeCell("'-5")).toBe("-5");
    expect(unescapeCell("'quoted'")).toBe("'quoted'");
  });
});

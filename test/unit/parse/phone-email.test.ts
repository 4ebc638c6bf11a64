import { describe, expect, it } from "vitest";
import { parseEmail } from "../../../src/shared/parse/email.js";
import { normalizePhone, type CountryCode } from "../../../src/shared/parse/phone.js";

describe("normalizePhone", () => {
  it.each<[string, CountryCode | undefined, string]>([
    ["+7 (912) 345-67-89", undefined, "+79123456789"],
    ["+7 (912) 345-67-89", "IN", "+79123456789"], // an international number ignores the default
    ["+7\u00a0912\u00a0345\u201167\u201189", undefined, "+79123456789"], // no-break spaces and hyphens
    ["8 912 345 67 89", "RU", "+79123456789"],
    ["8 (495) 123-45-67", "RU", "+74951234567"],
    ["912 345 67 89", "RU", "+79123456789"], // Russians often drop the leading 8
    ["98765 43210", "IN", "+919876543210"],
    ["098765 43210", "IN", "+919876543210"],
    ["tel:+79123456789", undefined, "+79123456789"],
    ["TEL:+44 20 7946 0958", undefined, "+442079460958"],
    ["79123456789", undefined, "+79123456789"], // a Telegram contact without "+"
    ["79123456789", "RU", "+79123456789"],
    ["919876543210", "IN", "+919876543210"],
    ["12025550123", "RU", "+12025550123"], // fails as a Russian number, valid with "+"
    ["0091 98765 43210", undefined, "+919876543210"],
    ["+1 202.555.0123", undefined, "+12025550123"],
  ])("%j (%s) → %s", (input, country, e164) => {
    expect(normalizePhone(input, country)).toEqual({ ok: true, value: e164 });
  });

  it.each<[string, CountryCode | undefined]>([
    ["", undefined],
    ["abc", undefined],
    ["12345", "RU"],
    ["+7 912 345", undefined],
    ["+7 100 000 00 00", undefined],
    ["8 912 345 67 89", undefined], // national form without a country
    ["345 67 89", "RU"],
    ["call me +7 912 345 67 89", undefined],
    ["+7 912 345 67 89 ext 12", undefined],
    ["+7 912 345 67 89 x", undefined],
    ["+7 912 345 67 8a", undefined],
  ])("%j (%s) → phone-invalid", (input, country) => {
    expect(normalizePhone(input, country)).toEqual({ ok: false, error: "phone-invalid" });
  });
});

describe("parseEmail", () => {
  it.each([
    ["john@example.com", "john@example.com"],
    ["  John.Doe+sales@Example.CO.UK ", "john.doe+sales@example.co.uk"],
    ["mailto:Info@acme.io", "info@acme.io"],
    ["иван@пример.рф", "иван@пример.рф"],
    [`${"a".repeat(64)}@${"b".repeat(185)}.com`, `${"a".repeat(64)}@${"b".repeat(185)}.com`], // 254 characters
  ])("%j → %s", (input, email) => {
    expect(parseEmail(input)).toEqual({ ok: true, value: email });
  });

  it.each([
    "",
    "john",
    "john@",
    "@example.com",
    "john@example",
    "john@@example.com",
    "jo@hn@example.com",
    "john doe@example.com",
    "john@exa mple.com",
    "john@example.c",
    "john@.com",
    "john@example..com",
    "john@example.com.",
    `${"a".repeat(64)}@${"b".repeat(186)}.com`, // 255 characters
  ])("%j → email-invalid", (input) => {
    expect(parseEmail(input)).toEqual({ ok: false, error: "email-invalid" });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount, parseAmount } from "../../../src/shared/parse/amount.js";

describe("parseAmount", () => {
  it.each([
    ["12 500,50", 1250050],
    ["12500.5", 1250050],
    ["12,500.50", 1250050],
    ["12.500,50", 1250050],
    ["1 000 000", 100000000],
    ["12500", 1250000],
    ["12\u00a0500,50", 1250050], // non-breaking space
    ["12\u202f500,50", 1250050], // narrow non-breaking space (Intl's fr/ru output)
    ["12\u2009500", 1250000], // thin space
    ["  42  ", 4200],
    ["+12", 1200],
    ["0.29", 29],
    ["0,01", 1],
    ["1,5", 150],
    ["12,500", 1250000], // single separator + 3 digits groups thousands
    ["12.500", 1250000],
    ["12.345", 1234500],
    ["1,000,000", 100000000],
    ["1.000.000", 100000000],
    ["1,00,000", 10000000], // Indian grouping
    ["12,50,000.50", 125000050],
    ["₹1,25,00,050.50", 1250005050],
    ["₽ 12 500", 1250000],
    ["12 500 ₽", 1250000],
    ["$12.50", 1250],
    ["€5", 500],
    ["5€", 500],
    ["12 500 руб.", 1250000],
    ["12500 руб", 1250000],
    ["500р", 50000],
    ["12500rub", 1250000],
    ["RUB 100", 10000],
    ["USD 1,000", 100000],
    ["inr 5", 500],
    ["Rs. 250", 25000],
    ["+$12", 1200],
    ["007", 700],
    ["100000000000", 10 ** 13], // exactly the limit
  ])("%j → %d", (input, minor) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ["12", 0, 12],
    ["12,500", 0, 12500],
    ["12.345", 3, 12345], // 3-digit currencies read 3 digits as a fraction
    ["12.5", 3, 12500],
    ["1,234.567", 3, 1234567],
  ])("%j with %d minor digits → %d", (input, minorDigits, minor) => {
    expect(parseAmount(input, { minorDigits })).toEqual({ ok: true, value: minor });
  });

  it.each([
    ["-5", "amount-negative"],
    ["−5", "amount-negative"], // U+2212 minus sign
    ["–5", "amount-negative"], // en dash
    ["-12 500,50", "amount-negative"],
    ["$-5", "amount-negative"],
    ["-$5", "amount-negative"],
    ["abc", "amount-invalid"],
    ["", "amount-invalid"],
    ["   ", "amount-invalid"],
    ["$", "amount-invalid"],
    ["12..5", "amount-invalid"],
    ["1,2,3,4.5.6", "amount-invalid"],
    ["12.3456", "amount-invalid"], // more fraction digits than the currency has
    ["12,505.505", "amount-invalid"],
    ["0,500", "amount-invalid"], // a leading 0 is no thousands group: 3-digit fraction
    ["1234,500", "amount-invalid"],
    ["12.", "amount-invalid"],
    [".5", "amount-invalid"],
    ["12 500.500", "amount-invalid"],
    ["1 000,000.50", "amount-invalid"],
    ["1,000,0000", "amount-invalid"],
    ["12,50.500", "amount-invalid"],
    ["12 500 ,50", "amount-invalid"],
    ["5 apples", "amount-invalid"],
    ["1e5", "amount-invalid"],
    ["$12 usd €", "amount-invalid"],
    ["5-", "amount-invalid"],
    ["100000000000.01", "amount-too-large"],
    ["999 999 999 999 999", "amount-too-large"],
    ["0", "amount-zero"],
    ["0,00", "amount-zero"],
    ["$0", "amount-zero"],
  ])("%j → %s", (input, error) => {
    expect(parseAmount(input)).toEqual({ ok: false, error });
  });

  it("refuses fractions the currency does not have", () => {
    expect(parseAmount("12.5", { minorDigits: 0 })).toEqual({ ok: false, error: "amount-invalid" });
    expect(parseAmount("12.345", { minorDigits: 1 })).toEqual({ ok: true, value: 123450 });
    expect(parseAmount("1.25", { minorDigits: 1 })).toEqual({ ok: false, error: "amount-invalid" });
  });

  it("accepts zero only when allowed", () => {
    expect(parseAmount("0", { allowZero: true })).toEqual({ ok: true, value: 0 });
    expect(parseAmount("0.00 ₽", { allowZero: true })).toEqual({ ok: true, value: 0 });
  });

  it("reads back n minor units written as <major>.<minor> and <major with spaces>,<minor>", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 - 1 }), (n) => {
        const major = String(Math.floor(n / 100));
        const minor = String(n % 100).padStart(2, "0");
        const spaced = major.replace(/\B(?=(\d{3})+$)/g, " ");
        const opts = { allowZero: true };
        expect(parseAmount(`${major}.${minor}`, opts)).toEqual({ ok: true, value: n });
        expect(parseAmount(`${spaced},${minor}`, opts)).toEqual({ ok: true, value: n });
      }),
      { numRuns: 1000 },
    );
  });

  it("reads back what formatAmount prints", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 12 }),
        fc.constantFrom(["RUB", "ru"], ["USD", "en"], ["EUR", "de"], ["INR", "hi"], ["INR", "en-IN"], ["JPY", "ja"], ["EUR", "fr"]),
        (n, [currency, locale]) => {
          const minorDigits = currency === "JPY" ? 0 : 2;
          expect(parseAmount(formatAmount(n, currency, locale), { minorDigits })).toEqual({ ok: true, value: n });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("formatAmount", () => {
  // Intl separates groups with no-break spaces; compare with plain ones.
  const plain = (text: string) => text.replace(/\s/g, " ");

  it.each([
    [1250050, "RUB", "ru", "12 500,50 ₽"],
    [29, "USD", "en", "$0.29"],
    [1250050, "USD", "en", "$12,500.50"],
    [12500, "JPY", "en", "¥12,500"],
    [1250000050, "INR", "hi", "₹1,25,00,000.50"],
    [1250050, "EUR", "de", "12.500,50 €"],
    [1234567, "KWD", "en", "KWD 1,234.567"],
    [10 ** 13, "USD", "en", "$100,000,000,000.00"],
  ])("%d %s in %s → %s", (minor, currency, locale, text) => {
    expect(plain(formatAmount(minor, currency, locale))).toBe(text);
  });
});

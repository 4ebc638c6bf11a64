import { fail, ok, type Result } from "../result.js";

/**
 * Money as people type it in a chat, turned into integer minor units (cents,
 * kopecks, paise) so sums never meet float rounding.
 *
 * Decisions on ambiguous input:
 * - Both "." and "," present: the last one is the decimal separator, the other
 *   groups thousands ("12,500.50", "12.500,50").
 * - One separator kind used several times groups thousands ("1,000,000").
 * - A single "." or "," followed by exactly 3 digits, after 1-3 digits not
 *   starting with 0, groups thousands ("12,500" = 12500, "12.345" = 12345)
 *   unless the currency itself has 3+ minor digits (KWD, BHD). Anything else
 *   is a decimal separator ("1,5" = 1.5, "0,500" is a 3-digit fraction).
 * - When spaces group the digits, "." or "," is always decimal ("12 500,50").
 * - Groups are western (1,000,000) or Indian (10,00,000): Intl prints the
 *   latter for hi/en-IN and we must read back what we print.
 * - More fraction digits than the currency has are refused, not rounded.
 */

export type AmountError = "amount-invalid" | "amount-negative" | "amount-too-large" | "amount-zero";

export interface ParseAmountOptions {
  /** Digits after the decimal separator the currency allows (2 for USD, 0 for JPY). */
  minorDigits?: number;
  allowZero?: boolean;
}

/** 10^13 minor units: far above any deal, well below 2^53 so a number stays exact. */
const MAX_MINOR = 10n ** 13n;

// Symbols and words people put next to a number; ISO codes are added below.
const CURRENCY_WORDS = [
  "₽", "$", "€", "₹", "£", "¥", "￥", "₸", "₴", "₺", "₨", "us$",
  "руб.", "руб", "р.", "р", "рублей", "рубля", "рубль",
  "rs.", "rs", "rupees", "rupee", "रु.", "रु", "रुपये", "रुपए",
];
const CURRENCY_TOKENS = [...CURRENCY_WORDS, ...Intl.supportedValuesOf("currency").map((c) => c.toLowerCase())]
  // Longest first so "руб." wins over "р" and "rs." over "rs".
  .sort((a, b) => b.length - a.length)
  .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
  .join("|");
const CUR = `(?:${CURRENCY_TOKENS})`;
// "-" escaped: inside [] it would make a range.
const MINUS = "\\-\u2212\u2013\u2014";
const AMOUNT_RE = new RegExp(`^(?:${CUR}\\s*)?([+${MINUS}])?\\s*(?:${CUR}\\s*)?(.*?)(?:\\s*${CUR})?$`, "u");

const WESTERN_GROUPS = /^[1-9]\d{0,2}(?:x\d{3})+$/;
const INDIAN_GROUPS = /^[1-9]\d?(?:x\d{2})*x\d{3}$/;

export function parseAmount(input: string, opts: ParseAmountOptions = {}): Result<number, AmountError> {
  const minorDigits = opts.minorDigits ?? 2;
  // NBSP, narrow NBSP and thin spaces are what Intl and phone keyboards insert.
  const text = input.replace(/\s+/gu, " ").trim().toLowerCase();
  const match = AMOUNT_RE.exec(text);
  if (!match) return fail("amount-invalid");
  const sign = match[1];
  const digits = splitNumber((match[2] ?? "").trim(), minorDigits);
  if (!digits) return fail("amount-invalid");
  const [whole, fraction] = digits;
  if (fraction.length > minorDigits) return fail("amount-invalid");

  const minor = BigInt(whole + fraction.padEnd(minorDigits, "0"));
  if (sign && sign !== "+" && minor > 0n) return fail("amount-negative");
  if (minor > MAX_MINOR) return fail("amount-too-large");
  if (minor === 0n && !opts.allowZero) return fail("amount-zero");
  return ok(Number(minor));
}

/** Splits "12 500,50" into ["12500", "50"], or null when it is not a number. */
function splitNumber(num: string, minorDigits: number): [string, string] | null {
  if (!/^\d(?:[\d .,]*\d)?$/.test(num) || /[ .,]{2}/.test(num)) return null;
  const dots = count(num, ".");
  const commas = count(num, ",");
  const spaces = count(num, " ");

  let decimal: string | null = null;
  let group: string | null = spaces > 0 ? " " : null;
  if (dots > 0 && commas > 0) {
    if (spaces > 0) return null;
    decimal = num.lastIndexOf(".") > num.lastIndexOf(",") ? "." : ",";
    group = decimal === "." ? "," : ".";
  } else if (dots + commas > 0) {
    const sep = dots > 0 ? "." : ",";
    if (spaces > 0) decimal = sep;
    else if (dots + commas > 1) group = sep;
    else {
      const [before = "", after = ""] = num.split(sep);
      const looksGrouped = after.length === 3 && /^[1-9]\d{0,2}$/.test(before) && minorDigits < 3;
      if (looksGrouped) group = sep;
      else decimal = sep;
    }
  }

  if (decimal && count(num, decimal) > 1) return null;
  const [intPart = "", fraction = ""] = decimal ? num.split(decimal) : [num];
  if (group && intPart.includes(group)) {
    const shape = intPart.split(group).join("x");
    if (!WESTERN_GROUPS.test(shape) && !INDIAN_GROUPS.test(shape)) return null;
  }
  const whole = intPart.split(group ?? "\u0000").join("");
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  return [whole, fraction];
}

const count = (text: string, char: string) => text.split(char).length - 1;

/** Minor digits of a currency as Intl knows them (JPY 0, USD 2, KWD 3). */
export function currencyMinorDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Shows integer minor units the way the locale writes money: 1250050 RUB in ru → "12 500,50 ₽". */
export function formatAmount(minor: number, currency: string, locale: string): string {
  const digits = currencyMinorDigits(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = BigInt(Math.abs(Math.trunc(minor))).toString().padStart(digits + 1, "0");
  // A decimal string keeps Intl exact; dividing by 100 could print 0.28999.
  const decimal = digits > 0 ? `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}` : `${sign}${abs}`;
  const format = new Intl.NumberFormat(locale, { style: "currency", currency });
  return format.format(decimal as Intl.StringNumericLiteral);
}

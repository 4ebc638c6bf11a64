import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import { fail, ok, type Result } from "../result.js";

export type { CountryCode };

// Digits and the punctuation people put between them; letters mean it is not just a number.
const PHONE_CHARS = /^\+?[\d ()\-./]+$/;

/**
 * A phone number as typed, pasted from a "tel:" link or sent as a Telegram
 * contact, in E.164 ("+79123456789"). National forms need defaultCountry
 * ("8 912 345 67 89" with RU). Telegram sends contacts' numbers without the
 * "+", so a number that fails as national is tried once more as international.
 */
export function normalizePhone(input: string, defaultCountry?: CountryCode): Result<string, "phone-invalid"> {
  const text = input
    .trim()
    .replace(/^tel:\/*/i, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ");
  if (!PHONE_CHARS.test(text)) return fail("phone-invalid");

  const candidates = [text];
  if (!text.startsWith("+")) candidates.push(`+${text.replace(/\D/g, "").replace(/^00/, "")}`);
  for (const candidate of candidates) {
    // Without a country a national number cannot be read at all; skip to the "+" retry.
    const phone = parsePhoneNumberFromString(candidate, candidate.startsWith("+") ? undefined : defaultCountry);
    if (phone?.isValid()) return ok(phone.number);
  }
  return fail("phone-invalid");
}

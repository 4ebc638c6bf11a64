import { isSupportedCountry, type CountryCode } from "libphonenumber-js";
import { fail, ok, type Result } from "../shared/result.js";

/** Validation of what a director types when creating a team. */

/**
 * ICU (and so Node) still lists some zones under their old names; people
 * type the current ones, so those are offered instead. Both kinds work with
 * Intl and dayjs.
 */
const RENAMED_ZONES: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Europe/Kiev": "Europe/Kyiv",
  "America/Godthab": "America/Nuuk",
  "Atlantic/Faeroe": "Atlantic/Faroe",
};
const isUsableZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
const TIME_ZONES: readonly string[] = [...Intl.supportedValuesOf("timeZone"), "UTC"]
  .map((tz) => RENAMED_ZONES[tz] ?? tz)
  .filter(isUsableZone);
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf("currency"));

export function parseTeamName(input: string): Result<string, "team-name-length"> {
  const name = input.trim().replace(/\s+/g, " ");
  if (name.length < 2 || name.length > 64) return fail("team-name-length");
  return ok(name);
}

/**
 * Accepts an IANA zone in any letter case ("europe/moscow") or just its city
 * part ("Moscow", "new york") when that names exactly one zone.
 */
export function parseTimezone(input: string): Result<string, "timezone-unknown"> {
  const wanted = input.trim().toLowerCase().replace(/\s+/g, "_");
  if (!wanted) return fail("timezone-unknown");
  const exact = TIME_ZONES.find((tz) => tz.toLowerCase() === wanted);
  if (exact) return ok(exact);
  const byCity = TIME_ZONES.filter((tz) => tz.toLowerCase().split("/").pop() === wanted);
  if (byCity.length === 1) return ok(byCity[0]!);
  return fail("timezone-unknown");
}

/** ISO 4217 code, any letter case. */
export function parseCurrency(input: string): Result<string, "currency-unknown"> {
  const code = input.trim().toUpperCase();
  return CURRENCIES.has(code) ? ok(code) : fail("currency-unknown");
}


/**
 * The team's country (ISO 3166 alpha-2): phone numbers typed without a
 * country code are read as this country's.
 */
export function parseCountry(input: string): Result<CountryCode, "country-unknown"> {
  const code = input.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && isSupportedCountry(code) ? ok(code as CountryCode) : fail("country-unknown");
}

import dayjs from "../dayjs.js";
import { fail, ok, type Result } from "../result.js";

/**
 * A calendar day in the team's timezone, "YYYY-MM-DD". A deal closed "on the
 * 25th" belongs to the 25th wherever the server runs, so such days are kept
 * as plain dates and only turned into instants at the edges.
 */
export type LocalDate = string;

export type PastDateError = "date-invalid" | "date-future" | "date-too-old";

export interface ZonedNow {
  now: Date;
  /** IANA zone of the team, e.g. "Europe/Moscow". */
  timezone: string;
}

const TODAY_WORDS = new Set(["today", "сегодня", "आज"]);
// Hindi "कल" means both yesterday and tomorrow; asked for a past date, it is yesterday.
const YESTERDAY_WORDS = new Set(["yesterday", "вчера", "कल"]);
const MAX_AGE_YEARS = 10;

/**
 * Reads the day something already happened: today/yesterday words, "25.11"
 * (current year in the team's zone), "25.11.2026", "25.11.26", "25/11/2026",
 * "2026-11-25". A day-month without a year is never moved to last year: a
 * "25.12" typed in January is refused as future rather than silently guessed.
 */
export function parsePastDate(input: string, opts: ZonedNow): Result<LocalDate, PastDateError> {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  const today = utcToLocalDate(opts.now, opts.timezone);
  let date: LocalDate | null;
  if (TODAY_WORDS.has(text)) date = today;
  else if (YESTERDAY_WORDS.has(text)) date = addDays(today, -1);
  else date = parseNumericDate(text, Number(today.slice(0, 4)));

  if (!date) return fail("date-invalid");
  if (date > today) return fail("date-future");
  if (date < addYears(today, -MAX_AGE_YEARS)) return fail("date-too-old");
  return ok(date);
}

/**
 * "25.11", "25.11.2026", "25.11.26", "25/11/2026", "25-11-2026" or
 * "2026-11-25" as a real calendar day, or null. Two-digit years are 20xx.
 */
export function parseNumericDate(text: string, defaultYear: number): LocalDate | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = /^(\d{1,2})([./-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(text);
  if (!dmy) return null;
  const year = dmy[4] === undefined ? defaultYear : Number(dmy[4]) + (dmy[4].length === 2 ? 2000 : 0);
  return calendarDate(year, Number(dmy[3]), Number(dmy[1]));
}

/** The date, or null when the day does not exist (31.02, 29.02 of a common year). */
function calendarDate(year: number, month: number, day: number): LocalDate | null {
  const probe = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0-99 to 19xx; setting the year explicitly avoids it.
  probe.setUTCFullYear(year);
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return real ? probe.toISOString().slice(0, 10) : null;
}

/** The instant the day starts in the zone (local midnight) as a UTC Date. */
export function localDateToUtc(date: LocalDate, timezone: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Not a local date: ${date}`);
  return dayjs.tz(date, timezone).toDate();
}

/** The calendar day an instant falls on in the zone. */
export function utcToLocalDate(at: Date, timezone: string): LocalDate {
  return dayjs(at).tz(timezone).format("YYYY-MM-DD");
}

/** "2026-11-25" → "2026-11", the key monthly plans and statements use. */
export function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

/** Calendar arithmetic on a local date: no timezone, so no DST surprises. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

function addYears(date: LocalDate, years: number): LocalDate {
  // dayjs clamps 29 Feb to 28 Feb in a common year instead of rolling to March.
  return dayjs.utc(date).add(years, "year").format("YYYY-MM-DD");
}

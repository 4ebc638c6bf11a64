/**
 * Calendar-month arithmetic in UTC with dayjs semantics (Aug 31 + 6 months =
 * Feb 28/29, time of day kept), written out by hand because dayjs objects cost
 * about 5 µs each and a nightly run checks every client of the team.
 * test/unit/rotation-planner.property.test.ts checks it against dayjs.utc().add().
 */

const DAY_MS = 86_400_000;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 1 && leap ? 29 : DAYS_IN_MONTH[month]!;
}

/** `ms` plus `months` calendar months, in epoch milliseconds; NaN for invalid input. */
export function addUtcMonths(ms: number, months: number): number {
  if (!Number.isFinite(ms) || !Number.isFinite(months)) return Number.NaN;
  const start = new Date(ms);
  // dayjs hands month + n to setUTCMonth, which truncates the sum.
  const monthIndex = Math.trunc(start.getUTCMonth() + months);
  const year = start.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  const timeOfDay = ((ms % DAY_MS) + DAY_MS) % DAY_MS;
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  return new Date(0).setUTCFullYear(year, month, day) + timeOfDay;
}

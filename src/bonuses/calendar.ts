import dayjs from "../shared/dayjs.js";

/** "YYYY-MM" of an instant as seen on the team's wall clock. */
export function monthOf(date: Date, timezone: string): string {
  return dayjs(date).tz(timezone).format("YYYY-MM");
}

/**
 * The instant `months` calendar months after `date` on the team's wall clock
 * (Jan 10 12:00 → Apr 10 12:00; Jan 31 → Feb 28). Adding to a dayjs.tz object
 * keeps the starting UTC offset, which is an hour off across a DST change, so
 * the shifted wall-clock time is re-read in the zone instead.
 */
export function addMonthsInZone(date: Date, months: number, timezone: string): Date {
  const wallClock = dayjs(date).tz(timezone).add(months, "month").format("YYYY-MM-DDTHH:mm:ss.SSS");
  return dayjs.tz(wallClock, timezone).toDate();
}

/** Throws RangeError for a timezone Intl does not know, before any date maths. */
export function assertTimezone(timezone: string): void {
  new Intl.DateTimeFormat("en-US", { timeZone: timezone });
}

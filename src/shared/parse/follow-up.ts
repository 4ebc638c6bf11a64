import dayjs from "../dayjs.js";
import { fail, ok, type Result } from "../result.js";
import { addDays, parseNumericDate, utcToLocalDate, type LocalDate, type ZonedNow } from "./local-date.js";

/**
 * When to remind a manager about a client, as typed in English, Russian or
 * Hindi. Wall-clock times are read in the team's zone; the result is an
 * instant. Decisions:
 * - A day without a time means 10:00 ("tomorrow", "25.11", "monday").
 * - "today" (or today's date) without a time means 10:00 if that is still
 *   ahead, otherwise the first full hour at least an hour from now, as long
 *   as it is still today.
 * - A bare time ("15:00") is today if still ahead, else tomorrow.
 * - A weekday is always a later day: "monday" said on a Monday is in a week.
 * - A day-month ("25.11") is this year; it is not moved to next year.
 * - "in N days/weeks" keeps the current wall-clock time; hours and minutes
 *   are added to the instant.
 * - Hindi "कल" is tomorrow here (it is yesterday in parsePastDate).
 */

export type FollowUpError = "follow-up-invalid" | "follow-up-past";

const DEFAULT_HOUR = 10;

// "yesterday" is here only so it is reported as past rather than as gibberish.
const DAY_OFFSETS = new Map<string, number>([
  ["yesterday", -1], ["вчера", -1],
  ["today", 0], ["сегодня", 0], ["आज", 0],
  ["tomorrow", 1], ["завтра", 1], ["कल", 1],
  ["day after tomorrow", 2], ["послезавтра", 2], ["परसों", 2],
]);

// Sunday = 0, as Date#getUTCDay counts. Russian accusative forms follow "в".
const WEEKDAYS = new Map<string, number>(
  (
    [
      [0, "sunday sun воскресенье вс रविवार"],
      [1, "monday mon понедельник пн सोमवार"],
      [2, "tuesday tue tues вторник вт मंगलवार"],
      [3, "wednesday wed среда среду ср बुधवार"],
      [4, "thursday thu thurs четверг чт गुरुवार बृहस्पतिवार"],
      [5, "friday fri пятница пятницу пт शुक्रवार"],
      [6, "saturday sat суббота субботу сб शनिवार"],
    ] as const
  ).flatMap(([day, names]) => names.split(" ").map((name) => [name, day] as const)),
);

type Unit = "minute" | "hour" | "day" | "week" | "month";
// Every inflection people write after a number: "2 часа", "5 часов", "2 घंटे".
const UNITS: [Unit, RegExp][] = (
  [
    ["minute", "m|min|mins|minute|minutes|мин|минута|минуту|минуты|минут|मिनट"],
    ["hour", "h|hr|hrs|hour|hours|ч|час|часа|часов|घंटा|घंटे|घंटों"],
    ["day", "d|day|days|день|дня|дней|दिन|दिनों"],
    ["week", "w|wk|wks|week|weeks|неделя|неделю|недели|недель|हफ़्ता|हफ़्ते|हफ़्तों|हफ्ता|हफ्ते|हफ्तों|सप्ताह"],
    ["month", "mo|month|months|месяц|месяца|месяцев|महीना|महीने|महीनों"],
  ] as const
).map(([unit, words]) => [unit, new RegExp(`^(?:${words.normalize("NFC")})$`, "u")]);

export function parseFollowUp(input: string, opts: ZonedNow): Result<Date, FollowUpError> {
  // NFC makes a typed "ज़" and a composed one the same letters.
  const text = input.normalize("NFC").trim().toLowerCase().replace(/\s+/g, " ").replace(/[.!]+$/, "");
  const at = parseRelative(text, opts) ?? parseCalendar(text, opts);
  if (!at || Number.isNaN(at.getTime())) return fail("follow-up-invalid");
  if (at.getTime() <= opts.now.getTime()) return fail("follow-up-past");
  return ok(at);
}

/** "in 3 days", "через 2 часа", "через час", "30 मिनट में". */
function parseRelative(text: string, { now, timezone }: ZonedNow): Date | null {
  const match =
    /^(?:in|через) (?:(\d{1,4}|an?|one) )?(\S+)$/u.exec(text) ?? /^(?:(\d{1,4}) )?(\S+) (?:में|बाद)$/u.exec(text);
  if (!match) return null;
  const amount = match[1] && /^\d+$/.test(match[1]) ? Number(match[1]) : 1;
  const unit = UNITS.find(([, words]) => words.test(match[2] ?? ""))?.[0];
  if (!unit) return null;
  if (unit === "minute") return new Date(now.getTime() + amount * 60_000);
  if (unit === "hour") return new Date(now.getTime() + amount * 3_600_000);

  // Days and longer keep the wall-clock time, so "in 3 days" across a DST change is still 15:00.
  const local = dayjs(now).tz(timezone);
  const today = local.format("YYYY-MM-DD");
  const day =
    unit === "month"
      ? dayjs.utc(today).add(amount, "month").format("YYYY-MM-DD")
      : addDays(today, amount * (unit === "week" ? 7 : 1));
  return atLocal(day, { hour: local.hour(), minute: local.minute() }, timezone);
}

/** Everything anchored to a calendar day: words, weekdays, dates, bare times. */
function parseCalendar(text: string, { now, timezone }: ZonedNow): Date | null {
  const today = utcToLocalDate(now, timezone);
  const { day: dayText, time } = splitTime(text);
  if (time === undefined) return null;

  let day: LocalDate | null = null;
  if (dayText === "") {
    if (!time) return null;
    const sameDay = atLocal(today, time, timezone);
    return sameDay > now ? sameDay : atLocal(addDays(today, 1), time, timezone);
  }
  const dayWord = dayText.replace(/^(?:on|во|в) /, "");
  const offset = DAY_OFFSETS.get(dayWord);
  const weekday = WEEKDAYS.get(dayWord);
  if (offset !== undefined) day = addDays(today, offset);
  else if (weekday !== undefined) day = nextWeekday(today, weekday);
  else day = parseNumericDate(dayWord, Number(today.slice(0, 4)));
  if (!day) return null;

  if (time) return atLocal(day, time, timezone);
  if (day === today) return laterToday(now, today, timezone);
  return atLocal(day, { hour: DEFAULT_HOUR, minute: 0 }, timezone);
}

interface Time {
  hour: number;
  minute: number;
}

/**
 * Splits a trailing time off: "15:00", "at 15:00", "в 15:00", "3pm",
 * "3:30 pm", "10 बजे", "в 10". Returns time null when there is none and
 * undefined when the text has a time that does not exist ("25:00").
 */
function splitTime(text: string): { day: string; time: Time | null | undefined } {
  const match = /(?:^| )(?:(at|в|во|@) ?)?(\d{1,2})(?::(\d{2}))? ?(am|pm|बजे)?$/u.exec(text);
  // A lone number ("25", "tomorrow 10") is too easily a day or a typo: it needs ":MM", a suffix or "at".
  if (!match || (!match[1] && !match[3] && !match[4])) return { day: text, time: null };
  const day = text.slice(0, match.index).trim();
  let hour = Number(match[2]);
  const minute = Number(match[3] ?? 0);
  const meridiem = match[4];
  if (meridiem === "am" || meridiem === "pm") {
    if (hour < 1 || hour > 12) return { day, time: undefined };
    hour = (hour % 12) + (meridiem === "pm" ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return { day, time: undefined };
  return { day, time: { hour, minute } };
}

function atLocal(day: LocalDate, time: Time, timezone: string): Date {
  const hh = String(time.hour).padStart(2, "0");
  const mm = String(time.minute).padStart(2, "0");
  return dayjs.tz(`${day} ${hh}:${mm}`, timezone).toDate();
}

function nextWeekday(today: LocalDate, weekday: number): LocalDate {
  const current = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, ((weekday - current + 6) % 7) + 1);
}

/**
 * "today" with no time: 10:00 if ahead, else the first full hour at least an
 * hour away. Late in the evening nothing of today is left; returning `now`
 * makes the caller report it as past.
 */
function laterToday(now: Date, today: LocalDate, timezone: string): Date {
  const tenAm = atLocal(today, { hour: DEFAULT_HOUR, minute: 0 }, timezone);
  if (tenAm > now) return tenAm;
  const soon = dayjs(now.getTime() + 3_600_000).tz(timezone);
  const onTheHour = soon.minute() === 0 && soon.second() === 0 && soon.millisecond() === 0;
  const hour = soon.hour() + (onTheHour ? 0 : 1);
  if (soon.format("YYYY-MM-DD") !== today || hour > 23) return now;
  return atLocal(today, { hour, minute: 0 }, timezone);
}

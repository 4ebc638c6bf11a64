import { describe, expect, it } from "vitest";
import { parseFollowUp } from "../../../src/shared/parse/follow-up.js";

// Wednesday 25 November 2026, 13:00 in Moscow (UTC+3 all year).
const now = new Date("2026-11-25T10:00:00Z");
const moscow = { now, timezone: "Europe/Moscow" };

const at = (text: string, opts = moscow) => {
  const result = parseFollowUp(text, opts);
  return result.ok ? result.value.toISOString() : result.error;
};

describe("parseFollowUp", () => {
  it.each([
    // English
    ["tomorrow 10:00", "2026-11-26T07:00:00.000Z"],
    ["Tomorrow", "2026-11-26T07:00:00.000Z"],
    ["tomorrow at 15:30", "2026-11-26T12:30:00.000Z"],
    ["tomorrow 3pm", "2026-11-26T12:00:00.000Z"],
    ["tomorrow 9:15 am", "2026-11-26T06:15:00.000Z"],
    ["tomorrow 12am", "2026-11-25T21:00:00.000Z"],
    ["tomorrow 10:00.", "2026-11-26T07:00:00.000Z"],
    ["day after tomorrow", "2026-11-27T07:00:00.000Z"],
    ["today 18:30", "2026-11-25T15:30:00.000Z"],
    ["today", "2026-11-25T11:00:00.000Z"], // 10:00 has passed: the next full hour an hour away
    ["25.11", "2026-11-25T11:00:00.000Z"], // today's date without a time reads like "today"
    ["in 3 days", "2026-11-28T10:00:00.000Z"],
    ["in 1 day", "2026-11-26T10:00:00.000Z"],
    ["in 2 hours", "2026-11-25T12:00:00.000Z"],
    ["in an hour", "2026-11-25T11:00:00.000Z"],
    ["in 30 minutes", "2026-11-25T10:30:00.000Z"],
    ["in 45 min", "2026-11-25T10:45:00.000Z"],
    ["in a week", "2026-12-02T10:00:00.000Z"],
    ["in 2 weeks", "2026-12-09T10:00:00.000Z"],
    ["in a month", "2026-12-25T10:00:00.000Z"],
    ["25.11 15:00", "2026-11-25T12:00:00.000Z"],
    ["26.11", "2026-11-26T07:00:00.000Z"],
    ["27/11 9:05", "2026-11-27T06:05:00.000Z"],
    ["1.12.2026 15:00", "2026-12-01T12:00:00.000Z"],
    ["1.12.26", "2026-12-01T07:00:00.000Z"],
    ["2026-11-27 09:30", "2026-11-27T06:30:00.000Z"],
    ["2027-01-15", "2027-01-15T07:00:00.000Z"],
    ["15:00", "2026-11-25T12:00:00.000Z"], // still ahead today
    ["12:00", "2026-11-26T09:00:00.000Z"], // passed, so tomorrow
    ["at 13:00", "2026-11-26T10:00:00.000Z"], // exactly now is not ahead
    ["monday", "2026-11-30T07:00:00.000Z"],
    ["Fri", "2026-11-27T07:00:00.000Z"],
    ["on friday 15:30", "2026-11-27T12:30:00.000Z"],
    ["wednesday", "2026-12-02T07:00:00.000Z"], // today is Wednesday: next week's
    ["sun", "2026-11-29T07:00:00.000Z"],
    // Russian
    ["завтра 10:00", "2026-11-26T07:00:00.000Z"],
    ["Завтра в 10", "2026-11-26T07:00:00.000Z"],
    ["завтра в 18:45", "2026-11-26T15:45:00.000Z"],
    ["сегодня", "2026-11-25T11:00:00.000Z"],
    ["сегодня в 18:30", "2026-11-25T15:30:00.000Z"],
    ["послезавтра", "2026-11-27T07:00:00.000Z"],
    ["через 3 дня", "2026-11-28T10:00:00.000Z"],
    ["через 5 дней", "2026-11-30T10:00:00.000Z"],
    ["через день", "2026-11-26T10:00:00.000Z"],
    ["через 2 часа", "2026-11-25T12:00:00.000Z"],
    ["через 5 часов", "2026-11-25T15:00:00.000Z"],
    ["через час", "2026-11-25T11:00:00.000Z"],
    ["через 30 минут", "2026-11-25T10:30:00.000Z"],
    ["через минуту", "2026-11-25T10:01:00.000Z"],
    ["через неделю", "2026-12-02T10:00:00.000Z"],
    ["через месяц", "2026-12-25T10:00:00.000Z"],
    ["понедельник", "2026-11-30T07:00:00.000Z"],
    ["в понедельник", "2026-11-30T07:00:00.000Z"],
    ["во вторник 11:00", "2026-12-01T08:00:00.000Z"],
    ["в пятницу", "2026-11-27T07:00:00.000Z"],
    ["пт", "2026-11-27T07:00:00.000Z"],
    ["в 15:00", "2026-11-25T12:00:00.000Z"],
    // Hindi
    ["कल 10:00", "2026-11-26T07:00:00.000Z"], // "कल" about the future is tomorrow
    ["कल", "2026-11-26T07:00:00.000Z"],
    ["कल 10 बजे", "2026-11-26T07:00:00.000Z"],
    ["आज", "2026-11-25T11:00:00.000Z"],
    ["आज 18:30", "2026-11-25T15:30:00.000Z"],
    ["परसों", "2026-11-27T07:00:00.000Z"],
    ["3 दिन में", "2026-11-28T10:00:00.000Z"],
    ["2 घंटे में", "2026-11-25T12:00:00.000Z"],
    ["30 मिनट में", "2026-11-25T10:30:00.000Z"],
    ["2 हफ़्ते में", "2026-12-09T10:00:00.000Z"],
    ["सोमवार", "2026-11-30T07:00:00.000Z"],
    ["शुक्रवार 15:00", "2026-11-27T12:00:00.000Z"],
  ])("%j → %s", (input, iso) => {
    expect(at(input)).toBe(iso);
  });

  it.each([
    ["", "follow-up-invalid"],
    ["soon", "follow-up-invalid"],
    ["tomorrow 25:00", "follow-up-invalid"],
    ["tomorrow 10:60", "follow-up-invalid"],
    ["tomorrow 13pm", "follow-up-invalid"],
    ["tomorrow 10", "follow-up-invalid"], // a lone number is not a time
    ["25", "follow-up-invalid"],
    ["31.02", "follow-up-invalid"],
    ["32.11 10:00", "follow-up-invalid"],
    ["in 3 lightyears", "follow-up-invalid"],
    ["in -3 days", "follow-up-invalid"],
    ["через много дней", "follow-up-invalid"],
    ["next monday", "follow-up-invalid"],
    ["today 09:00", "follow-up-past"],
    ["сегодня в 12:59", "follow-up-past"],
    ["24.11", "follow-up-past"],
    ["1.1", "follow-up-past"], // a day-month is this year, never moved to the next
    ["2026-11-24 10:00", "follow-up-past"],
    ["yesterday", "follow-up-past"],
    ["вчера", "follow-up-past"],
    ["in 0 minutes", "follow-up-past"],
  ])("%j → %s", (input, error) => {
    expect(at(input)).toBe(error);
  });

  describe("reads times in the team's zone", () => {
    // 20:00 UTC: 23:00 on the 25th in Moscow, 01:30 on the 26th in Kolkata.
    const late = new Date("2026-11-25T20:00:00Z");
    const kolkata = { now: late, timezone: "Asia/Kolkata" };

    it.each([
      ["today", kolkata, "2026-11-26T04:30:00.000Z"],
      ["tomorrow", kolkata, "2026-11-27T04:30:00.000Z"],
      ["15:00", kolkata, "2026-11-26T09:30:00.000Z"],
      ["26.11 09:00", kolkata, "2026-11-26T03:30:00.000Z"],
      ["25.11 23:30", kolkata, "follow-up-past"],
      ["tomorrow", { now: late, timezone: "Europe/Moscow" }, "2026-11-26T07:00:00.000Z"],
      ["26.11 09:00", { now: late, timezone: "Europe/Moscow" }, "2026-11-26T06:00:00.000Z"],
      ["today", { now: late, timezone: "Europe/Moscow" }, "follow-up-past"], // 23:00: nothing left of today
      ["today", { now: new Date("2026-11-25T18:30:00Z"), timezone: "Europe/Moscow" }, "2026-11-25T20:00:00.000Z"],
      ["today", { now: new Date("2026-11-25T05:00:00Z"), timezone: "Europe/Moscow" }, "2026-11-25T07:00:00.000Z"],
      ["2026-11-25 09:30", { now, timezone: "America/New_York" }, "2026-11-25T14:30:00.000Z"],
    ])("%j in %o → %s", (input, opts, expected) => {
      expect(at(input, opts)).toBe(expected);
    });

    it("keeps the wall-clock time for days across a DST change, not for hours", () => {
      // Friday 15:00 EDT; clocks go back on Sunday 1 November.
      const friday = { now: new Date("2026-10-30T19:00:00Z"), timezone: "America/New_York" };
      expect(at("in 3 days", friday)).toBe("2026-11-02T20:00:00.000Z");
      expect(at("in 72 hours", friday)).toBe("2026-11-02T19:00:00.000Z");
      expect(at("monday 15:00", friday)).toBe("2026-11-02T20:00:00.000Z");
    });
  });
});

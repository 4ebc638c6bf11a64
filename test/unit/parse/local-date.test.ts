import { describe, expect, it } from "vitest";
import { addDays, localDateToUtc, monthOf, parsePastDate, utcToLocalDate } from "../../../src/shared/parse/local-date.js";

// A Wednesday; 13:00 in Moscow, 15:30 in Kolkata.
const now = new Date("2026-11-25T10:00:00Z");
const moscow = { now, timezone: "Europe/Moscow" };

describe("parsePastDate", () => {
  it.each([
    ["today", "2026-11-25"],
    ["Today", "2026-11-25"],
    ["  YESTERDAY ", "2026-11-24"],
    ["сегодня", "2026-11-25"],
    ["Вчера", "2026-11-24"],
    ["आज", "2026-11-25"],
    ["कल", "2026-11-24"], // "कल" asked about the past is yesterday
    ["25.11", "2026-11-25"],
    ["1.3", "2026-03-01"],
    ["25.11.2026", "2026-11-25"],
    ["25.11.26", "2026-11-25"],
    ["25/11/2026", "2026-11-25"],
    ["25-11-2026", "2026-11-25"],
    ["2026-11-25", "2026-11-25"],
    ["2026-1-5", "2026-01-05"],
    ["29.02.2024", "2024-02-29"],
    ["25.11.2016", "2016-11-25"], // exactly ten years ago is still accepted
    ["25.11.16", "2016-11-25"],
  ])("%j → %s", (input, date) => {
    expect(parsePastDate(input, moscow)).toEqual({ ok: true, value: date });
  });

  it.each([
    ["", "date-invalid"],
    ["someday", "date-invalid"],
    ["31.02", "date-invalid"],
    ["29.02.2025", "date-invalid"],
    ["31.04.2026", "date-invalid"],
    ["00.11", "date-invalid"],
    ["25.13", "date-invalid"],
    ["2026-02-30", "date-invalid"],
    ["25.11.026", "date-invalid"],
    ["25.11/2026", "date-invalid"],
    ["25 11", "date-invalid"],
    ["tomorrow", "date-invalid"],
    ["26.11", "date-future"],
    ["26.11.2026", "date-future"],
    ["2027-01-01", "date-future"],
    ["24.11.2016", "date-too-old"],
    ["24.11.16", "date-too-old"],
    ["1999-01-01", "date-too-old"],
  ])("%j → %s", (input, error) => {
    expect(parsePastDate(input, moscow)).toEqual({ ok: false, error });
  });

  describe("uses the team's calendar day, not the server's", () => {
    // 20:00 UTC: 23:00 on the 25th in Moscow, already 01:30 on the 26th in Kolkata.
    const lateUtc = new Date("2026-11-25T20:00:00Z");

    it.each([
      ["Europe/Moscow", "today", { ok: true, value: "2026-11-25" }],
      ["Asia/Kolkata", "today", { ok: true, value: "2026-11-26" }],
      ["Asia/Kolkata", "yesterday", { ok: true, value: "2026-11-25" }],
      ["Asia/Kolkata", "26.11", { ok: true, value: "2026-11-26" }],
      ["Europe/Moscow", "26.11", { ok: false, error: "date-future" }],
      ["America/Los_Angeles", "today", { ok: true, value: "2026-11-25" }],
    ])("in %s %j", (timezone, input, expected) => {
      expect(parsePastDate(input, { now: lateUtc, timezone })).toEqual(expected);
    });

    it("takes the year of a day-month from the team's zone", () => {
      // New Year's morning in Kolkata is still 31 December in Los Angeles.
      const newYear = new Date("2027-01-01T02:00:00Z");
      expect(parsePastDate("25.12", { now: newYear, timezone: "America/Los_Angeles" })).toEqual({ ok: true, value: "2026-12-25" });
      expect(parsePastDate("25.12", { now: newYear, timezone: "Asia/Kolkata" })).toEqual({ ok: false, error: "date-future" });
    });
  });
});

describe("local date helpers", () => {
  it.each([
    ["2026-11-25", "Europe/Moscow", "2026-11-24T21:00:00.000Z"],
    ["2026-11-25", "Asia/Kolkata", "2026-11-24T18:30:00.000Z"],
    ["2026-11-25", "UTC", "2026-11-25T00:00:00.000Z"],
    ["2026-07-01", "America/New_York", "2026-07-01T04:00:00.000Z"], // summer time
    ["2026-12-01", "America/New_York", "2026-12-01T05:00:00.000Z"],
  ])("localDateToUtc(%s, %s) → %s", (date, timezone, iso) => {
    expect(localDateToUtc(date, timezone).toISOString()).toBe(iso);
  });

  it("refuses something that is not a local date", () => {
    expect(() => localDateToUtc("25.11.2026", "UTC")).toThrow(RangeError);
  });

  it.each([
    ["2026-11-25T20:00:00Z", "Asia/Kolkata", "2026-11-26"],
    ["2026-11-25T20:00:00Z", "Europe/Moscow", "2026-11-25"],
    ["2026-11-25T20:59:59Z", "Europe/Moscow", "2026-11-25"],
    ["2026-11-25T21:00:00Z", "Europe/Moscow", "2026-11-26"],
    ["2026-11-25T03:00:00Z", "America/Los_Angeles", "2026-11-24"],
  ])("utcToLocalDate(%s, %s) → %s", (iso, timezone, date) => {
    expect(utcToLocalDate(new Date(iso), timezone)).toBe(date);
  });

  it("round-trips a local midnight", () => {
    for (const timezone of ["Europe/Moscow", "Asia/Kolkata", "America/New_York", "Pacific/Auckland"]) {
      expect(utcToLocalDate(localDateToUtc("2026-03-29", timezone), timezone)).toBe("2026-03-29");
    }
  });

  it("gives the month of a date and does calendar arithmetic", () => {
    expect(monthOf("2026-11-25")).toBe("2026-11");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

import { describe, expect, it } from "vitest";
import { parseCurrency, parseTeamName, parseTimezone } from "../../src/teams/team-profile.js";

describe("team profile parsing", () => {
  it.each([
    ["Europe/Moscow", "Europe/Moscow"],
    ["europe/berlin", "Europe/Berlin"],
    ["kolkata", "Asia/Kolkata"],
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["new york", "America/New_York"],
    ["utc", "UTC"],
    ["Kyiv", "Europe/Kyiv"],
  ])("timezone %s → %s", (input, zone) => {
    expect(parseTimezone(input)).toEqual({ ok: true, value: zone });
  });

  it.each(["", "Atlantis", "GMT+25", "Europe"])("rejects timezone %j", (input) => {
    expect(parseTimezone(input)).toEqual({ ok: false, error: "timezone-unknown" });
  });

  it("normalizes currencies and refuses unknown codes", () => {
    expect(parseCurrency(" rub ")).toEqual({ ok: true, value: "RUB" });
    expect(parseCurrency("INR")).toEqual({ ok: true, value: "INR" });
    expect(parseCurrency("dollars")).toEqual({ ok: false, error: "currency-unknown" });
    expect(parseCurrency("XYZ")).toEqual({ ok: false, error: "currency-unknown" });
  });

  it("trims team names and bounds their length", () => {
    expect(parseTeamName("  Acme   Sales ")).toEqual({ ok: true, value: "Acme Sales" });
    expect(parseTeamName("A")).toEqual({ ok: false, error: "team-name-length" });
    expect(parseTeamName("x".repeat(65))).toEqual({ ok: false, error: "team-name-length" });
  });
});

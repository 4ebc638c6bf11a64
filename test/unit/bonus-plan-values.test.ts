import { describe, expect, it } from "vitest";
import { parseHoldbackMonths, parsePercent, parsePlanValue, TYPED_PLAN_SETTINGS } from "../../src/bonuses/plan-values.js";

/** How a director's typed plan values are read (pure: no database, no clock). */
describe("parsePercent", () => {
  it.each([
    ["2", 200],
    ["2.5", 250],
    ["2,5", 250],
    ["2,5 %", 250],
    [" 2.25% ", 225],
    ["0", 0],
    ["100", 10_000],
    ["0.01", 1],
    ["12.5", 1250],
  ])("reads %j as %i basis points", (text, bp) => {
    expect(parsePercent(text)).toEqual({ ok: true, value: bp });
  });

  it.each(["", "abc", "-1", "100.01", "150", "2.555", "2..5", "1 000", "2%%", "%", "1e2", "0x10"])("refuses %j", (text) => {
    expect(parsePercent(text)).toEqual({ ok: false, error: "percent-invalid" });
  });
});

describe("parseHoldbackMonths", () => {
  it.each([
    ["0", 0],
    ["3", 3],
    [" 24 ", 24],
  ])("reads %j", (text, months) => {
    expect(parseHoldbackMonths(text)).toEqual({ ok: true, value: months });
  });

  it.each(["25", "-1", "1.5", "three", "", "999"])("refuses %j", (text) => {
    expect(parseHoldbackMonths(text)).toEqual({ ok: false, error: "setting-out-of-range" });
  });
});

describe("parsePlanValue", () => {
  it("reads each typed setting in the plan's own units", () => {
    expect(parsePlanValue("baseRateBp", "2.5")).toEqual({ ok: true, value: 250 });
    expect(parsePlanValue("holdbackMonths", "6")).toEqual({ ok: true, value: 6 });
    expect(parsePlanValue("acquisitionBonusMinor", "1 000")).toEqual({ ok: true, value: 100_000 });
    expect(parsePlanValue("acquisitionBonusMinor", "0")).toEqual({ ok: true, value: 0 });
    // In a currency without minor units the bonus is whole units.
    expect(parsePlanValue("acquisitionBonusMinor", "5000", 0)).toEqual({ ok: true, value: 5000 });
  });

  it("says why a value is refused, with a code the locales know", () => {
    expect(parsePlanValue("baseRateBp", "150")).toEqual({ ok: false, error: "percent-invalid" });
    expect(parsePlanValue("holdbackMonths", "30")).toEqual({ ok: false, error: "setting-out-of-range" });
    expect(parsePlanValue("acquisitionBonusMinor", "-5")).toEqual({ ok: false, error: "amount-negative" });
  });

  it("covers exactly the settings the plan screen asks to type", () => {
    expect([...TYPED_PLAN_SETTINGS]).toEqual(["baseRateBp", "holdbackMonths", "acquisitionBonusMinor"]);
  });
});

import { parseAmount } from "../shared/parse/amount.js";
import { fail, ok, type Result } from "../shared/result.js";
import { bonusPlanSchema } from "../teams/team-settings.js";

/**
 * Reading the bonus plan's typed values as a director writes them in a chat.
 * Pure: no database, no clock.
 */

/** The plan's values a director types (the others are buttons). */
export const TYPED_PLAN_SETTINGS = ["baseRateBp", "holdbackMonths", "acquisitionBonusMinor"] as const;
export type TypedPlanSetting = (typeof TYPED_PLAN_SETTINGS)[number];

/** "2", "2.5", "2,5 %", "2.25" → basis points (200, 250, 250, 225); 0–100 %, at most two decimals. */
export function parsePercent(text: string): Result<number, "percent-invalid"> {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(text);
  if (!m) return fail("percent-invalid");
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bonusPlanSchema.shape.baseRateBp.safeParse(bp).success ? ok(bp) : fail("percent-invalid");
}

/** Whole months of holdback, 0–24. */
export function parseHoldbackMonths(text: string): Result<number, "setting-out-of-range"> {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return fail("setting-out-of-range");
  const months = Number(trimmed);
  return bonusPlanSchema.shape.holdbackMonths.safeParse(months).success ? ok(months) : fail("setting-out-of-range");
}

/**
 * A typed value of the plan, in the plan's units: the base rate in basis
 * points, the holdback in months, the new-client bonus in minor units of the
 * team's currency (0 allowed: no bonus).
 */
export function parsePlanValue(setting: TypedPlanSetting, text: string, currencyMinorDigits?: number): Result<number> {
  switch (setting) {
    case "baseRateBp":
      return parsePercent(text);
    case "holdbackMonths":
      return parseHoldbackMonths(text);
    case "acquisitionBonusMinor":
      return parseAmount(text, { allowZero: true, ...(currencyMinorDigits === undefined ? {} : { minorDigits: currencyMinorDigits }) });
  }
}

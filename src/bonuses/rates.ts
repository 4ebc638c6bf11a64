import type { BonusPlan } from "../teams/team-settings.js";
import { assertNonNegativeInteger } from "./money.js";

/**
 * The commission rate (basis points) for the n-th ever deal with a client
 * (spec §4): the first deal earns base × multiplier; with halving each next
 * deal earns half the previous rate (half up), never below base; without
 * halving the raised rate is for the first deal only.
 */
export function rateForSequence(plan: BonusPlan, sequence: number): number {
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`sequence must be an integer >= 1, got ${sequence}`);
  }
  const base = plan.baseRateBp;
  assertNonNegativeInteger(base, "baseRateBp");
  let rate = base * plan.newClientMultiplier;
  if (sequence === 1) return rate;
  if (!plan.halving) return base;
  // Once the rate reaches base it stays there, so the loop runs at most
  // log2(multiplier) + 1 times however large the sequence is.
  for (let n = 2; n <= sequence && rate > base; n += 1) {
    rate = Math.max(base, Math.floor((rate + 1) / 2));
  }
  return rate;
}

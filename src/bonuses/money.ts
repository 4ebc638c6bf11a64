/**
 * Money × rate in integer arithmetic. Amounts are minor units, rates basis
 * points; amount × bp passes 2^53 for amounts near 10^13, so the product is
 * taken in BigInt and only the rounded result comes back as a number.
 */

const BP_PER_UNIT = 10_000n;

/** round_half_up(amountMinor × rateBp / 10000) for non-negative inputs. */
export function applyRateBp(amountMinor: number, rateBp: number): number {
  assertNonNegativeInteger(amountMinor, "amountMinor");
  assertNonNegativeInteger(rateBp, "rateBp");
  const product = BigInt(amountMinor) * BigInt(rateBp);
  // Adding half the divisor before the floor division rounds .5 up.
  return Number((product + BP_PER_UNIT / 2n) / BP_PER_UNIT);
}

export function assertNonNegativeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
  }
}

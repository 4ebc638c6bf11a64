import type { BonusPlan } from "../teams/team-settings.js";
import { addMonthsInZone, assertTimezone, monthOf } from "./calendar.js";
import { applyRateBp, assertNonNegativeInteger } from "./money.js";
import { rateForSequence } from "./rates.js";

export type BonusKind = "base" | "uplift" | "acquisition";
export type BonusStatus = "payable" | "held" | "released" | "forfeited";

export interface DealFacts {
  dealId: string;
  clientId: string;
  managerId: string;
  amountMinor: number;
  profitMinor: number | null;
  /** Instant of the deal. */
  date: Date;
  /** 1 = first ever deal with the client. */
  sequence: number;
}

export interface BonusLineDraft {
  dealId: string;
  clientId: string;
  managerId: string;
  kind: BonusKind;
  /** The rate that produced the amount: base rate, raised − base rate, null for the fixed acquisition bonus. */
  rateBp: number | null;
  amountMinor: number;
  status: "payable" | "held";
  /** "YYYY-MM" in the team timezone. */
  payableMonth: string;
  /** Uplift only: deal date + holdbackMonths; null when nothing is held. */
  releaseAt: Date | null;
}

/**
 * The bonus lines one deal earns its manager (spec §4): the base commission,
 * the uplift above base for the client's early deals (held until the holdback
 * ends) and, for a client's first ever deal, the acquisition bonus.
 */
export function accrueDeal(plan: BonusPlan, deal: DealFacts, timezone: string): BonusLineDraft[] {
  assertDeal(deal);
  assertTimezone(timezone);
  const rate = rateForSequence(plan, deal.sequence);
  const dealMonth = monthOf(deal.date, timezone);
  const who = { dealId: deal.dealId, clientId: deal.clientId, managerId: deal.managerId };

  const base = applyRateBp(deal.amountMinor, plan.baseRateBp);
  // The base line is kept even when it is 0 so every deal shows in the statement.
  const lines: BonusLineDraft[] = [
    { ...who, kind: "base", rateBp: plan.baseRateBp, amountMinor: base, status: "payable", payableMonth: dealMonth, releaseAt: null },
  ];

  const upliftRate = rate - plan.baseRateBp;
  const uplift = capUplift(plan, deal.profitMinor, base, applyRateBp(deal.amountMinor, upliftRate));
  if (uplift > 0) {
    if (plan.holdbackMonths === 0) {
      // Nothing to wait for: the retention check would run at the deal itself.
      lines.push({ ...who, kind: "uplift", rateBp: upliftRate, amountMinor: uplift, status: "payable", payableMonth: dealMonth, releaseAt: null });
    } else {
      const releaseAt = addMonthsInZone(deal.date, plan.holdbackMonths, timezone);
      lines.push({
        ...who,
        kind: "uplift",
        rateBp: upliftRate,
        amountMinor: uplift,
        status: "held",
        payableMonth: monthOf(releaseAt, timezone),
        releaseAt,
      });
    }
  }

  if (deal.sequence === 1 && plan.acquisitionBonusMinor > 0) {
    lines.push({
      ...who,
      kind: "acquisition",
      rateBp: null,
      amountMinor: plan.acquisitionBonusMinor,
      status: "payable",
      payableMonth: dealMonth,
      releaseAt: null,
    });
  }
  return lines;
}

/**
 * capAtProfit: the raised bonus (base + uplift) never exceeds a recorded
 * profit. Only the uplift is cut, because the base commission is owed on every
 * deal whatever its margin; a loss-making deal earns no uplift at all.
 */
function capUplift(plan: BonusPlan, profitMinor: number | null, base: number, uplift: number): number {
  if (!plan.capAtProfit || profitMinor === null) return uplift;
  return Math.max(0, Math.min(uplift, profitMinor - base));
}

function assertDeal(deal: DealFacts): void {
  assertNonNegativeInteger(deal.amountMinor, "amountMinor");
  if (deal.profitMinor !== null && !Number.isSafeInteger(deal.profitMinor)) {
    throw new RangeError(`profitMinor must be a safe integer or null, got ${deal.profitMinor}`);
  }
  if (Number.isNaN(deal.date.getTime())) throw new RangeError("deal date is invalid");
}

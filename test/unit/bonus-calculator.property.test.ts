import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accrueDeal, type BonusLineDraft, type DealFacts } from "../../src/bonuses/calculator.js";
import { rateForSequence } from "../../src/bonuses/rates.js";
import { resolveUplift } from "../../src/bonuses/retention.js";
import { summarizeStatement } from "../../src/bonuses/statement.js";
import type { BonusPlan } from "../../src/teams/team-settings.js";

const RUNS = { numRuns: 500 };

const planArb: fc.Arbitrary<BonusPlan> = fc.record({
  baseRateBp: fc.integer({ min: 0, max: 10_000 }),
  newClientMultiplier: fc.constantFrom(1, 2, 3),
  halving: fc.boolean(),
  capAtProfit: fc.boolean(),
  holdbackMonths: fc.integer({ min: 0, max: 24 }),
  retention: fc.constantFrom("not-lost" as const, "repeat-deal" as const),
  acquisitionBonusMinor: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000_000 })),
});

const dateArb = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2090-12-31T23:59:59Z"), noInvalidDate: true });
const timezoneArb = fc.constantFrom("Europe/Moscow", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Auckland", "UTC");

const dealArb: fc.Arbitrary<DealFacts> = fc.record({
  dealId: fc.constant("D"),
  clientId: fc.constant("C"),
  managerId: fc.constant("M"),
  amountMinor: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10 ** 13 })),
  profitMinor: fc.option(fc.integer({ min: -(10 ** 13), max: 10 ** 13 }), { nil: null }),
  date: dateArb,
  sequence: fc.oneof(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 10_000 })),
});

const amountOf = (lines: BonusLineDraft[], kind: BonusLineDraft["kind"]) =>
  lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.amountMinor, 0);

/** amount × bp / 10000 rounded half up, written differently from the code under test. */
const roundedExact = (amount: number, bp: number) => Number((2n * BigInt(amount) * BigInt(bp) + 10_000n) / 20_000n);

describe("bonus rates (properties)", () => {
  it("the rate is never below base and never rises from one deal to the next", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 40 }), (plan, n) => {
        let previous = Infinity;
        for (let s = 1; s <= n; s += 1) {
          const rate = rateForSequence(plan, s);
          expect(rate).toBeGreaterThanOrEqual(plan.baseRateBp);
          expect(rate).toBeLessThanOrEqual(previous);
          previous = rate;
        }
      }),
      RUNS,
    );
  });

  it("from the deal where the rate reaches base there is no uplift line, before it there is one for a big enough amount", () => {
    fc.assert(
      fc.property(planArb, fc.integer({ min: 1, max: 60 }), timezoneArb, (plan, s, tz) => {
        let firstAtBase = 1;
        while (rateForSequence(plan, firstAtBase) > plan.baseRateBp) firstAtBase += 1;
        const lines = accrueDeal({ ...plan, capAtProfit: false }, { dealId: "D", clientId: "C", managerId: "M", amountMinor: 10_000_000, profitMinor: null, date: new Date("2026-01-10T09:00:00Z"), sequence: s }, tz);
        const hasUplift = lines.some((l) => l.kind === "uplift");
        // 100,000.00 is large enough that any rate difference of >= 1 bp shows as an uplift.
        expect(hasUplift).toBe(s < firstAtBase);
        if (!plan.halving && s > 1) expect(hasUplift).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("accrueDeal (properties)", () => {
  it("no line is negative; uplift and acquisition lines are positive", () => {
    fc.assert(
      fc.property(planArb, dealArb, timezoneArb, (plan, deal, tz) => {
        for (const line of accrueDeal(plan, deal, tz)) {
          expect(line.amountMinor).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(line.amountMinor)).toBe(true);
          if (line.kind !== "base") expect(line.amountMinor).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it("with capAtProfit and a recorded profit, base + uplift <= max(profit, base), and base is never cut", () => {
    fc.assert(
      fc.property(planArb, dealArb, timezoneArb, (plan0, deal0, tz) => {
        const plan = { ...plan0, capAtProfit: true };
        const deal = { ...deal0, profitMinor: deal0.profitMinor ?? 0 };
        const lines = accrueDeal(plan, deal, tz);
        const base = amountOf(lines, "base");
        expect(base).toBe(roundedExact(deal.amountMinor, plan.baseRateBp));
        expect(base + amountOf(lines, "uplift")).toBeLessThanOrEqual(Math.max(deal.profitMinor, base));
      }),
      RUNS,
    );
  });

  it("when the cap does not bind, base + uplift equals round(amount × rate) within 1 minor unit", () => {
    fc.assert(
      fc.property(planArb, dealArb, timezoneArb, (plan, deal, tz) => {
        const raised = roundedExact(deal.amountMinor, rateForSequence(plan, deal.sequence));
        const lines = accrueDeal(plan, deal, tz);
        const total = amountOf(lines, "base") + amountOf(lines, "uplift");
        const capped = plan.capAtProfit && deal.profitMinor !== null && deal.profitMinor < raised + 1;
        if (!capped) expect(Math.abs(total - raised)).toBeLessThanOrEqual(1);
        else expect(total).toBeLessThanOrEqual(raised + 1);
      }),
      RUNS,
    );
  });

  it("acquisition only on sequence 1, for the plan's amount", () => {
    fc.assert(
      fc.property(planArb, dealArb, timezoneArb, (plan, deal, tz) => {
        const acquisition = accrueDeal(plan, deal, tz).filter((l) => l.kind === "acquisition");
        const expected = deal.sequence === 1 && plan.acquisitionBonusMinor > 0 ? 1 : 0;
        expect(acquisition).toHaveLength(expected);
        if (expected) expect(acquisition[0]!.amountMinor).toBe(plan.acquisitionBonusMinor);
      }),
      RUNS,
    );
  });

  it("statuses and dates: base/acquisition payable in the deal month, uplift held until after the deal unless holdback is 0", () => {
    fc.assert(
      fc.property(planArb, dealArb, timezoneArb, (plan, deal, tz) => {
        const lines = accrueDeal(plan, deal, tz);
        const base = lines.find((l) => l.kind === "base")!;
        for (const line of lines) {
          if (line.kind !== "uplift" || plan.holdbackMonths === 0) {
            expect(line).toMatchObject({ status: "payable", releaseAt: null, payableMonth: base.payableMonth });
          } else {
            expect(line.status).toBe("held");
            expect(line.releaseAt!.getTime()).toBeGreaterThan(deal.date.getTime());
            expect(line.payableMonth > base.payableMonth).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("is deterministic and leaves its inputs alone", () => {
    fc.assert(
      fc.property(planArb, dealArb, timezoneArb, (plan, deal, tz) => {
        const before = { plan: structuredClone(plan), deal: structuredClone(deal) };
        expect(accrueDeal(plan, deal, tz)).toEqual(accrueDeal(plan, deal, tz));
        expect({ plan, deal }).toEqual(before);
      }),
      RUNS,
    );
  });
});

describe("retention and statements (properties)", () => {
  it("repeat-deal is never more generous than not-lost", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 24 }), fc.option(dateArb, { nil: null }), fc.array(dateArb, { maxLength: 6 }), (dealDate, months, lostAt, others) => {
        const releaseAt = new Date(dealDate.getTime() + months * 30 * 86_400_000);
        const facts = { lostAt, dealDates: [dealDate, ...others] };
        const strict = resolveUplift({ releaseAt, dealDate }, "repeat-deal", facts);
        const loose = resolveUplift({ releaseAt, dealDate }, "not-lost", facts);
        if (strict.status === "released") expect(loose.status).toBe("released");
        if (lostAt === null) expect(loose).toEqual({ status: "released", reason: "retained" });
      }),
      RUNS,
    );
  });

  it("every minor unit accrued ends up exactly once: paid in some month, forfeited in some month, or still held", () => {
    fc.assert(
      fc.property(planArb, fc.array(fc.tuple(dealArb, fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 8 }), timezoneArb, (plan, items, tz) => {
        const lines = items.flatMap(([deal, resolve, keep]) =>
          accrueDeal(plan, deal, tz).map((l) => ({
            ...l,
            status: l.status === "held" && resolve ? (keep ? ("released" as const) : ("forfeited" as const)) : l.status,
          })),
        );
        const months = [...new Set(lines.map((l) => l.payableMonth))];
        const summaries = months.map((m) => summarizeStatement(lines, m));
        const accounted =
          summaries.reduce((sum, s) => sum + s.payableMinor + s.forfeitedMinor, 0) + summaries[0]!.heldMinor;
        expect(accounted).toBe(lines.reduce((sum, l) => sum + l.amountMinor, 0));
        for (const s of summaries) {
          expect(s.payableMinor).toBe(s.byKind.base + s.byKind.uplift + s.byKind.acquisition);
          expect(s.upcomingReleases.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(s.heldMinor);
        }
      }),
      RUNS,
    );
  });
});

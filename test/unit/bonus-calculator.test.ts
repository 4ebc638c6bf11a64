import { describe, expect, it } from "vitest";
import { accrueDeal, type BonusLineDraft, type DealFacts } from "../../src/bonuses/calculator.js";
import { rateForSequence } from "../../src/bonuses/rates.js";
import { resolveUplift, type RetentionFacts } from "../../src/bonuses/retention.js";
import { summarizeStatement, type StatementLine } from "../../src/bonuses/statement.js";
import type { BonusPlan } from "../../src/teams/team-settings.js";

const TZ = "Europe/Moscow"; // UTC+3 all year, so 12:00 local = 09:00Z

const plan = (over: Partial<BonusPlan> = {}): BonusPlan => ({
  baseRateBp: 200,
  newClientMultiplier: 3,
  halving: true,
  capAtProfit: true,
  holdbackMonths: 3,
  retention: "not-lost",
  acquisitionBonusMinor: 100_000,
  ...over,
});

const deal = (over: Partial<DealFacts> = {}): DealFacts => ({
  dealId: "D1",
  clientId: "C1",
  managerId: "M1",
  amountMinor: 10_000_000,
  profitMinor: null,
  date: new Date("2026-01-10T09:00:00Z"),
  sequence: 1,
  ...over,
});

const find = (lines: BonusLineDraft[], kind: BonusLineDraft["kind"]) => lines.find((l) => l.kind === kind);

/**
 * Replays the bonus ledger up to `asOf`: accrued lines, and held uplifts whose
 * releaseAt has passed resolved against each client's facts as of then — what
 * the release job will do, so statements can be checked month by month.
 */
function ledgerAsOf(
  p: BonusPlan,
  deals: DealFacts[],
  lostAt: Record<string, Date>,
  asOf: Date,
): StatementLine[] {
  const out: StatementLine[] = [];
  for (const d of deals.filter((x) => x.date <= asOf)) {
    for (const line of accrueDeal(p, d, TZ)) {
      const base = { kind: line.kind, amountMinor: line.amountMinor, payableMonth: line.payableMonth, releaseAt: line.releaseAt, dealId: line.dealId, clientId: line.clientId };
      if (line.status === "held" && line.releaseAt !== null && line.releaseAt <= asOf) {
        const lost = lostAt[d.clientId];
        const facts: RetentionFacts = {
          lostAt: lost !== undefined && lost <= asOf ? lost : null,
          dealDates: deals.filter((x) => x.clientId === d.clientId && x.date <= asOf).map((x) => x.date),
        };
        const r = resolveUplift({ releaseAt: line.releaseAt, dealDate: d.date }, p.retention, facts);
        out.push({ ...base, status: r.status, reason: r.reason });
      } else {
        out.push({ ...base, status: line.status });
      }
    }
  }
  return out;
}

describe("worked example A (spec §4): one client, three deals", () => {
  const p = plan();
  const d1 = deal({ dealId: "A1", amountMinor: 10_000_000, date: new Date("2026-01-10T09:00:00Z"), sequence: 1 });
  const d2 = deal({ dealId: "A2", amountMinor: 5_000_000, date: new Date("2026-02-03T09:00:00Z"), sequence: 2 });
  const d3 = deal({ dealId: "A3", amountMinor: 4_000_000, date: new Date("2026-03-01T09:00:00Z"), sequence: 3 });
  const deals = [d1, d2, d3];

  it("Jan 10, 100,000.00 at 6%: base 2,000.00 (Jan) + uplift 4,000.00 held to Apr 10 + acquisition 1,000.00 (Jan)", () => {
    expect(rateForSequence(p, 1)).toBe(600);
    const lines = accrueDeal(p, d1, TZ);
    expect(lines).toEqual([
      { dealId: "A1", clientId: "C1", managerId: "M1", kind: "base", rateBp: 200, amountMinor: 200_000, status: "payable", payableMonth: "2026-01", releaseAt: null },
      { dealId: "A1", clientId: "C1", managerId: "M1", kind: "uplift", rateBp: 400, amountMinor: 400_000, status: "held", payableMonth: "2026-04", releaseAt: new Date("2026-04-10T09:00:00Z") },
      { dealId: "A1", clientId: "C1", managerId: "M1", kind: "acquisition", rateBp: null, amountMinor: 100_000, status: "payable", payableMonth: "2026-01", releaseAt: null },
    ]);
    // 6,000.00 in all at the raised rate.
    expect(find(lines, "base")!.amountMinor + find(lines, "uplift")!.amountMinor).toBe(600_000);
  });

  it("Feb 3, 50,000.00 at 3%: base 1,000.00 (Feb) + uplift 500.00 held to May 3", () => {
    expect(rateForSequence(p, 2)).toBe(300);
    const lines = accrueDeal(p, d2, TZ);
    expect(lines).toHaveLength(2);
    expect(find(lines, "base")).toMatchObject({ amountMinor: 100_000, status: "payable", payableMonth: "2026-02", releaseAt: null });
    expect(find(lines, "uplift")).toMatchObject({ amountMinor: 50_000, rateBp: 100, status: "held", payableMonth: "2026-05", releaseAt: new Date("2026-05-03T09:00:00Z") });
    expect(find(lines, "acquisition")).toBeUndefined();
  });

  it("Mar 1, 40,000.00 at 2%: base 800.00 (Mar), no uplift", () => {
    expect(rateForSequence(p, 3)).toBe(200);
    const lines = accrueDeal(p, d3, TZ);
    expect(lines).toEqual([
      { dealId: "A3", clientId: "C1", managerId: "M1", kind: "base", rateBp: 200, amountMinor: 80_000, status: "payable", payableMonth: "2026-03", releaseAt: null },
    ]);
  });

  it("Apr 10, C1 still active: 4,000.00 released into April's statement", () => {
    expect(
      resolveUplift({ releaseAt: new Date("2026-04-10T09:00:00Z"), dealDate: d1.date }, "not-lost", { lostAt: null, dealDates: deals.map((d) => d.date) }),
    ).toEqual({ status: "released", reason: "retained" });

    const april = summarizeStatement(ledgerAsOf(p, deals, {}, new Date("2026-04-30T20:59:59Z")), "2026-04");
    expect(april).toEqual({
      payableMinor: 400_000,
      byKind: { base: 0, uplift: 400_000, acquisition: 0 },
      heldMinor: 50_000,
      releasedMinor: 400_000,
      forfeitedMinor: 0,
      upcomingReleases: [{ releaseAt: new Date("2026-05-03T09:00:00Z"), amountMinor: 50_000 }],
    });
  });

  it("month by month, the statements add up to the example", () => {
    const endOf = (iso: string) => new Date(iso); // last instant of the month in Moscow
    const jan = summarizeStatement(ledgerAsOf(p, deals, {}, endOf("2026-01-31T20:59:59Z")), "2026-01");
    expect(jan).toEqual({
      payableMinor: 300_000,
      byKind: { base: 200_000, uplift: 0, acquisition: 100_000 },
      heldMinor: 400_000,
      releasedMinor: 0,
      forfeitedMinor: 0,
      upcomingReleases: [{ releaseAt: new Date("2026-04-10T09:00:00Z"), amountMinor: 400_000 }],
    });
    const feb = summarizeStatement(ledgerAsOf(p, deals, {}, endOf("2026-02-28T20:59:59Z")), "2026-02");
    expect(feb).toMatchObject({ payableMinor: 100_000, byKind: { base: 100_000, uplift: 0, acquisition: 0 }, heldMinor: 450_000 });
    const mar = summarizeStatement(ledgerAsOf(p, deals, {}, endOf("2026-03-31T20:59:59Z")), "2026-03");
    expect(mar).toMatchObject({ payableMinor: 80_000, byKind: { base: 80_000, uplift: 0, acquisition: 0 }, heldMinor: 450_000 });
    const may = summarizeStatement(ledgerAsOf(p, deals, {}, endOf("2026-05-31T20:59:59Z")), "2026-05");
    expect(may).toEqual({
      payableMinor: 50_000,
      byKind: { base: 0, uplift: 50_000, acquisition: 0 },
      heldMinor: 0,
      releasedMinor: 50_000,
      forfeitedMinor: 0,
      upcomingReleases: [],
    });
  });

  it("with retention repeat-deal both uplifts are still released: each deal was followed by another within its holdback", () => {
    const all = deals.map((d) => d.date);
    expect(resolveUplift({ releaseAt: new Date("2026-04-10T09:00:00Z"), dealDate: d1.date }, "repeat-deal", { lostAt: null, dealDates: all })).toEqual({ status: "released", reason: "retained" });
    expect(resolveUplift({ releaseAt: new Date("2026-05-03T09:00:00Z"), dealDate: d2.date }, "repeat-deal", { lostAt: null, dealDates: all })).toEqual({ status: "released", reason: "retained" });
  });
});

describe("worked example B (spec §4): five new clients, three lost", () => {
  const p = plan();
  const days = ["2026-01-12", "2026-01-14", "2026-01-16", "2026-01-19", "2026-01-21"];
  const deals = days.map((day, i) =>
    deal({ dealId: `B${i + 1}`, clientId: `C${i + 1}`, amountMinor: 5_000_000, date: new Date(`${day}T08:00:00Z`), sequence: 1 }),
  );
  const lostAt = {
    C2: new Date("2026-02-10T12:00:00Z"),
    C3: new Date("2026-03-02T12:00:00Z"),
    C5: new Date("2026-03-30T12:00:00Z"),
  };

  it("each first deal: acquisition 1,000.00 + base 1,000.00 payable in January, uplift 2,000.00 held", () => {
    for (const d of deals) {
      const lines = accrueDeal(p, d, TZ);
      expect(find(lines, "acquisition")).toMatchObject({ amountMinor: 100_000, status: "payable", payableMonth: "2026-01" });
      expect(find(lines, "base")).toMatchObject({ amountMinor: 100_000, status: "payable", payableMonth: "2026-01" });
      expect(find(lines, "uplift")).toMatchObject({ amountMinor: 200_000, status: "held", payableMonth: "2026-04" });
    }
  });

  it("January: acquisition 5,000.00, base 5,000.00, uplift 10,000.00 held", () => {
    const jan = summarizeStatement(ledgerAsOf(p, deals, lostAt, new Date("2026-01-31T20:59:59Z")), "2026-01");
    expect(jan.byKind).toEqual({ base: 500_000, uplift: 0, acquisition: 500_000 });
    expect(jan.payableMinor).toBe(1_000_000);
    expect(jan.heldMinor).toBe(1_000_000);
    expect(jan.upcomingReleases).toHaveLength(5);
    expect(jan.upcomingReleases.every((r) => r.amountMinor === 200_000)).toBe(true);
  });

  it("April: 4,000.00 released (2 retained) and 6,000.00 forfeited (3 lost)", () => {
    const lines = ledgerAsOf(p, deals, lostAt, new Date("2026-04-30T20:59:59Z"));
    const april = summarizeStatement(lines, "2026-04");
    expect(april).toEqual({
      payableMinor: 400_000,
      byKind: { base: 0, uplift: 400_000, acquisition: 0 },
      heldMinor: 0,
      releasedMinor: 400_000,
      forfeitedMinor: 600_000,
      upcomingReleases: [],
    });
    const uplifts = lines.filter((l) => l.kind === "uplift").map((l) => [l.clientId, l.status, l.reason]);
    expect(uplifts).toEqual([
      ["C1", "released", "retained"],
      ["C2", "forfeited", "client-lost"],
      ["C3", "forfeited", "client-lost"],
      ["C4", "released", "retained"],
      ["C5", "forfeited", "client-lost"],
    ]);
  });
});

describe("rateForSequence", () => {
  it.each([
    [{}, [600, 300, 200, 200, 200]],
    [{ newClientMultiplier: 2 }, [400, 200, 200]],
    [{ newClientMultiplier: 1 }, [200, 200, 200]],
    [{ halving: false }, [600, 200, 200]],
    [{ baseRateBp: 250 }, [750, 375, 250, 250]], // 187.5 → 188 is below base: clamped
    [{ baseRateBp: 3 }, [9, 5, 3, 3]], // 4.5 → 5 and 2.5 → 3: half up
    [{ baseRateBp: 1 }, [3, 2, 1]], // 1.5 → 2
    [{ baseRateBp: 0 }, [0, 0, 0]],
  ] as [Partial<BonusPlan>, number[]][])("%j → %j", (over, rates) => {
    expect(rates.map((_, i) => rateForSequence(plan(over), i + 1))).toEqual(rates);
  });

  it("handles a very large sequence without looping", () => {
    expect(rateForSequence(plan(), Number.MAX_SAFE_INTEGER)).toBe(200);
  });

  it.each([0, -1, 1.5, Number.NaN])("rejects sequence %s", (s) => {
    expect(() => rateForSequence(plan(), s)).toThrow(RangeError);
  });
});

describe("accrueDeal: rounding", () => {
  it("rounds half up per line", () => {
    // 123.45 × 2% = 2.469 → 2.47; × 4% = 4.938 → 4.94
    const lines = accrueDeal(plan(), deal({ amountMinor: 12_345 }), TZ);
    expect(find(lines, "base")!.amountMinor).toBe(247);
    expect(find(lines, "uplift")!.amountMinor).toBe(494);
    // 0.25 × 2% = 0.005 → 0.01 exactly at the half
    expect(find(accrueDeal(plan(), deal({ amountMinor: 25, sequence: 3 }), TZ), "base")!.amountMinor).toBe(1);
    // 0.24 × 2% = 0.0048 → 0.00: a zero base line is still listed
    expect(accrueDeal(plan(), deal({ amountMinor: 24, sequence: 3 }), TZ)).toEqual([
      expect.objectContaining({ kind: "base", amountMinor: 0 }),
    ]);
  });

  it("rounds the uplift on its own rate, not as the raised total minus base", () => {
    // 0.10 at 6% = 0.006 would round to 0.01, but base 0.002 → 0.00 and uplift 0.004 → 0.00
    expect(accrueDeal(plan({ acquisitionBonusMinor: 0 }), deal({ amountMinor: 10 }), TZ)).toEqual([
      expect.objectContaining({ kind: "base", amountMinor: 0 }),
    ]);
  });

  it("stays exact where amount × rate passes 2^53", () => {
    const p = plan({ baseRateBp: 2_999, newClientMultiplier: 3, acquisitionBonusMinor: 0 });
    const amount = 9_999_999_999_999; // ~10^13 minor units
    const lines = accrueDeal(p, deal({ amountMinor: amount }), TZ);
    // 9,999,999,999,999 × 2,999 / 10,000 = 2,998,999,999,999.7001 → …000
    expect(find(lines, "base")!.amountMinor).toBe(2_999_000_000_000);
    // × 5,998 / 10,000 = 5,997,999,999,999.4002 → …999
    expect(find(lines, "uplift")!.amountMinor).toBe(5_997_999_999_999);
  });

  it("a zero amount earns no uplift but still the acquisition bonus", () => {
    const lines = accrueDeal(plan(), deal({ amountMinor: 0 }), TZ);
    expect(lines.map((l) => [l.kind, l.amountMinor])).toEqual([["base", 0], ["acquisition", 100_000]]);
  });
});

describe("accrueDeal: capAtProfit", () => {
  const upliftOf = (over: Partial<DealFacts>, p = plan()) => find(accrueDeal(p, deal(over), TZ), "uplift")?.amountMinor;

  it("cuts the uplift so base + uplift equals the profit", () => {
    // 100,000.00 at 6% = 6,000.00 but profit 5,000.00 → base 2,000.00 + uplift 3,000.00
    expect(upliftOf({ profitMinor: 500_000 })).toBe(300_000);
    expect(find(accrueDeal(plan(), deal({ profitMinor: 500_000 }), TZ), "base")!.amountMinor).toBe(200_000);
  });

  it("does not cut when the profit covers the raised bonus", () => {
    expect(upliftOf({ profitMinor: 600_000 })).toBe(400_000);
    expect(upliftOf({ profitMinor: 9_000_000 })).toBe(400_000);
  });

  it("never cuts the base: profit below base, zero or negative gives no uplift line", () => {
    for (const profitMinor of [150_000, 200_000, 0, -50_000]) {
      const lines = accrueDeal(plan(), deal({ profitMinor }), TZ);
      expect(lines.map((l) => [l.kind, l.amountMinor])).toEqual([["base", 200_000], ["acquisition", 100_000]]);
    }
  });

  it("does not apply when profit is not recorded or the cap is off", () => {
    expect(upliftOf({ profitMinor: null })).toBe(400_000);
    expect(upliftOf({ profitMinor: 100 }, plan({ capAtProfit: false }))).toBe(400_000);
  });

  it("does not cap the acquisition bonus (it is per client, not per deal's margin)", () => {
    expect(find(accrueDeal(plan(), deal({ profitMinor: 0 }), TZ), "acquisition")!.amountMinor).toBe(100_000);
  });
});

describe("accrueDeal: months, holdback and timezone", () => {
  it("books the deal's month in the team timezone, not UTC", () => {
    // 22:30Z on Jan 31 is 01:30 on Feb 1 in Moscow
    const lines = accrueDeal(plan(), deal({ date: new Date("2026-01-31T22:30:00Z") }), TZ);
    expect(find(lines, "base")!.payableMonth).toBe("2026-02");
    // Feb 1 01:30 + 3 months = May 1 01:30 Moscow, still Apr 30 in UTC
    expect(find(lines, "uplift")).toMatchObject({ releaseAt: new Date("2026-04-30T22:30:00Z"), payableMonth: "2026-05" });
    const inUtc = accrueDeal(plan(), deal({ date: new Date("2026-01-31T22:30:00Z") }), "UTC");
    expect(find(inUtc, "base")!.payableMonth).toBe("2026-01");
  });

  it("clamps to the month's last day: Nov 30 + 3 months = Feb 28", () => {
    const lines = accrueDeal(plan(), deal({ date: new Date("2026-11-30T09:00:00Z") }), TZ);
    expect(find(lines, "uplift")).toMatchObject({ releaseAt: new Date("2027-02-28T09:00:00Z"), payableMonth: "2027-02" });
  });

  it("keeps the local wall-clock time across a DST change", () => {
    // Berlin: 12:00 CET on Jan 10 (11:00Z) → 12:00 CEST on Apr 10 (10:00Z)
    const lines = accrueDeal(plan(), deal({ date: new Date("2026-01-10T11:00:00Z") }), "Europe/Berlin");
    expect(find(lines, "uplift")!.releaseAt).toEqual(new Date("2026-04-10T10:00:00Z"));
  });

  it("holdback 0 pays the uplift at once, in the deal's month", () => {
    const lines = accrueDeal(plan({ holdbackMonths: 0 }), deal(), TZ);
    expect(find(lines, "uplift")).toMatchObject({ amountMinor: 400_000, status: "payable", payableMonth: "2026-01", releaseAt: null });
  });

  it("uses the plan's holdback length", () => {
    const lines = accrueDeal(plan({ holdbackMonths: 12 }), deal(), TZ);
    expect(find(lines, "uplift")).toMatchObject({ releaseAt: new Date("2027-01-10T09:00:00Z"), payableMonth: "2027-01" });
  });

  it("acquisition only for the first deal and only when configured", () => {
    expect(find(accrueDeal(plan({ acquisitionBonusMinor: 0 }), deal(), TZ), "acquisition")).toBeUndefined();
    expect(find(accrueDeal(plan(), deal({ sequence: 2 }), TZ), "acquisition")).toBeUndefined();
  });

  it("rejects bad input", () => {
    expect(() => accrueDeal(plan(), deal({ amountMinor: -1 }), TZ)).toThrow(RangeError);
    expect(() => accrueDeal(plan(), deal({ amountMinor: 1.5 }), TZ)).toThrow(RangeError);
    expect(() => accrueDeal(plan(), deal({ profitMinor: Number.NaN }), TZ)).toThrow(RangeError);
    expect(() => accrueDeal(plan(), deal({ date: new Date("nope") }), TZ)).toThrow(RangeError);
    expect(() => accrueDeal(plan(), deal(), "Atlantis/Nowhere")).toThrow(RangeError);
  });
});

describe("resolveUplift", () => {
  const dealDate = new Date("2026-01-10T09:00:00Z");
  const releaseAt = new Date("2026-04-10T09:00:00Z");
  const line = { releaseAt, dealDate };
  const at = (iso: string) => new Date(iso);

  it("not-lost: released while the client is not lost by releaseAt", () => {
    expect(resolveUplift(line, "not-lost", { lostAt: null, dealDates: [dealDate] })).toEqual({ status: "released", reason: "retained" });
    // marked lost after the holdback ended: the uplift was already earned
    expect(resolveUplift(line, "not-lost", { lostAt: at("2026-04-10T09:00:01Z"), dealDates: [dealDate] }).status).toBe("released");
  });

  it("not-lost: forfeited when lost before or exactly at releaseAt", () => {
    for (const lost of ["2026-02-01T00:00:00Z", "2026-04-10T09:00:00Z"]) {
      expect(resolveUplift(line, "not-lost", { lostAt: at(lost), dealDates: [dealDate] })).toEqual({ status: "forfeited", reason: "client-lost" });
    }
  });

  it("repeat-deal: needs another deal in (dealDate, releaseAt]", () => {
    const facts = (dates: string[]): RetentionFacts => ({ lostAt: null, dealDates: [dealDate, ...dates.map(at)] });
    expect(resolveUplift(line, "repeat-deal", facts([]))).toEqual({ status: "forfeited", reason: "no-repeat-deal" });
    expect(resolveUplift(line, "repeat-deal", facts(["2026-04-10T09:00:00Z"]))).toEqual({ status: "released", reason: "retained" });
    expect(resolveUplift(line, "repeat-deal", facts(["2026-02-15T09:00:00Z"]))).toEqual({ status: "released", reason: "retained" });
    // after the holdback, or before this deal, does not count
    expect(resolveUplift(line, "repeat-deal", facts(["2026-04-10T09:00:01Z", "2025-12-01T00:00:00Z"])).status).toBe("forfeited");
    // the deal itself (same instant) is not "another" deal
    expect(resolveUplift(line, "repeat-deal", facts([dealDate.toISOString()])).status).toBe("forfeited");
  });

  it("repeat-deal: a lost client is forfeited as lost even with a repeat deal", () => {
    const facts = { lostAt: at("2026-03-01T00:00:00Z"), dealDates: [dealDate, at("2026-02-01T00:00:00Z")] };
    expect(resolveUplift(line, "repeat-deal", facts)).toEqual({ status: "forfeited", reason: "client-lost" });
  });
});

describe("summarizeStatement", () => {
  const l = (over: Partial<StatementLine>): StatementLine => ({
    kind: "base", status: "payable", amountMinor: 100, payableMonth: "2026-03", releaseAt: null, dealId: "D", clientId: "C", ...over,
  });

  it("counts only the month's payable, released and forfeited lines; held lines whatever their month", () => {
    const r1 = new Date("2026-05-01T00:00:00Z");
    const r2 = new Date("2026-04-01T00:00:00Z");
    const s = summarizeStatement([
      l({ amountMinor: 100 }),
      l({ amountMinor: 1_000, payableMonth: "2026-02" }),
      l({ kind: "acquisition", amountMinor: 50 }),
      l({ kind: "uplift", status: "released", amountMinor: 7 }),
      l({ kind: "uplift", status: "forfeited", amountMinor: 9, reason: "client-lost" }),
      l({ kind: "uplift", status: "forfeited", amountMinor: 90, payableMonth: "2026-02" }),
      l({ kind: "uplift", status: "held", amountMinor: 3, payableMonth: "2026-05", releaseAt: r1 }),
      l({ kind: "uplift", status: "held", amountMinor: 4, payableMonth: "2026-05", releaseAt: r1 }),
      l({ kind: "uplift", status: "held", amountMinor: 5, payableMonth: "2026-04", releaseAt: r2 }),
    ], "2026-03");
    expect(s).toEqual({
      payableMinor: 157,
      byKind: { base: 100, uplift: 7, acquisition: 50 },
      heldMinor: 12,
      releasedMinor: 7,
      forfeitedMinor: 9,
      upcomingReleases: [{ releaseAt: r2, amountMinor: 5 }, { releaseAt: r1, amountMinor: 7 }],
    });
  });

  it("an empty month is all zeros", () => {
    expect(summarizeStatement([], "2026-03")).toEqual({
      payableMinor: 0, byKind: { base: 0, uplift: 0, acquisition: 0 }, heldMinor: 0, releasedMinor: 0, forfeitedMinor: 0, upcomingReleases: [],
    });
  });

  it.each(["2026-3", "2026-13", "March", ""])("rejects month %j", (m) => {
    expect(() => summarizeStatement([], m)).toThrow(RangeError);
  });
});

import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { dealsToSync, syncDealLines } from "../src/bonuses/accrual.js";
import { BonusAudit, BonusLine } from "../src/bonuses/bonus-line.model.js";
import { closeHoldbackNotice, pendingHoldbackNotices, resolveDueUplifts } from "../src/bonuses/holdback.js";
import { correctDeal, deleteDeal } from "../src/deals/change-deal.js";
import { Deal } from "../src/deals/deal.model.js";
import { recordDeal } from "../src/deals/record-deal.js";
import type { JobQueue } from "../src/queue/job-queue.js";
import { updateTeamSettings } from "../src/teams/settings.js";
import { Team } from "../src/teams/team.model.js";
import { useTestDatabase } from "./support/db.js";
import { seedClients, seedMember, seedTeam } from "./support/seed.js";

useTestDatabase("accrual");

const NOW = new Date("2026-01-10T09:00:00Z");
/** Publishing is tested in test/deals.test.ts; here the consumer is called directly. */
const jobs: JobQueue = { enqueue: async () => {}, schedule: async () => {} };

async function dealUnderCurrentPlan() {
  const { team } = await seedTeam({ directorId: Math.floor(Math.random() * 1e9), timezone: "Europe/Moscow" });
  await updateTeamSettings(team._id, "bonus", { acquisitionBonusMinor: 100_000 });
  const fresh = (await Team.findById(team._id).lean())!;
  const manager = await seedMember(team, { telegramId: Math.floor(Math.random() * 1e9) });
  const [client] = await seedClients(team._id, manager._id, ["Accrual Client"], new Date("2025-12-01"));
  const id = new Types.ObjectId();
  const actor = { teamId: String(team._id), memberId: String(manager._id) };
  const result = await recordDeal({
    actor,
    id,
    clientId: String(client!._id),
    amountMinor: 10_000_000,
    profitMinor: null,
    date: "2026-01-10",
    note: null,
    now: NOW,
    jobs,
  });
  expect(result.ok).toBe(true);
  return { team: fresh, dealId: id, clientId: client!._id, actor };
}

const linesOf = async (dealId: Types.ObjectId) =>
  (await BonusLine.find({ dealId }).sort({ _id: 1 }).lean()).map((l) => [l.kind, l.amountMinor, l.status, l.payableMonth, l.voidedAt === null]);

describe("bonus accrual", () => {
  it("writes a deal's lines once however often the event arrives", async () => {
    const { dealId } = await dealUnderCurrentPlan();
    expect(await syncDealLines(dealId, NOW)).toBe(3);
    expect(await syncDealLines(dealId, NOW)).toBe(0);
    await Promise.all([syncDealLines(dealId, NOW), syncDealLines(dealId, NOW)]);
    expect(await linesOf(dealId)).toEqual([
      ["acquisition", 100_000, "payable", "2026-01", true],
      ["base", 200_000, "payable", "2026-01", true],
      ["uplift", 400_000, "held", "2026-04", true],
    ]);
    expect(await Deal.findById(dealId).lean()).toMatchObject({ accruedRevision: 1, accruedAt: NOW, accrualLeaseOwner: null });
  });

  it("lets one worker at a time work on a deal: the other finds it busy and leaves it", async () => {
    const { dealId } = await dealUnderCurrentPlan();
    const outcomes = await Promise.all([syncDealLines(dealId, NOW), syncDealLines(dealId, NOW), syncDealLines(dealId, NOW)]);
    expect(outcomes.filter((o) => o === 3)).toHaveLength(1);
    expect(outcomes.every((o) => o === 3 || o === 0 || o === "busy")).toBe(true);
    expect(await BonusLine.countDocuments({ dealId })).toBe(3);
  });

  it("waits for a live worker's lease, takes over a crashed worker's, and says so for an unknown deal", async () => {
    const { dealId } = await dealUnderCurrentPlan();
    await Deal.updateOne({ _id: dealId }, { $set: { accrualLeaseOwner: "alive", accrualLeaseUntil: new Date(Date.now() + 60_000) } });
    expect(await syncDealLines(dealId, NOW)).toBe("busy");
    expect(await BonusLine.countDocuments({ dealId })).toBe(0);
    await Deal.updateOne({ _id: dealId }, { $set: { accrualLeaseOwner: "crashed", accrualLeaseUntil: new Date(Date.now() - 1) } });
    expect(await syncDealLines(dealId, NOW)).toBe(3);
    expect(await syncDealLines(new Types.ObjectId(), NOW)).toBe("missing");
    expect(await syncDealLines("not-an-id", NOW)).toBe("missing");
  });

  it("keeps the plan a deal was logged under when the director changes it afterwards", async () => {
    const { team, dealId } = await dealUnderCurrentPlan();
    await updateTeamSettings(team._id, "bonus", { baseRateBp: 500, acquisitionBonusMinor: 0, newClientMultiplier: 1 });
    await syncDealLines(dealId, NOW);
    const base = await BonusLine.findOne({ dealId, kind: "base" }).lean();
    expect(base).toMatchObject({ rateBp: 200, amountMinor: 200_000 });
    expect(await BonusLine.exists({ dealId, kind: "acquisition" })).not.toBeNull();
  });

  it("finds deals whose event got lost, until they are brought up to date", async () => {
    const { dealId, actor } = await dealUnderCurrentPlan();
    const later = new Date(NOW.getTime() + 5 * 60_000);
    expect((await dealsToSync(later)).map(String)).toContain(String(dealId));
    expect((await dealsToSync(new Date(NOW.getTime() - 60_000))).map(String)).not.toContain(String(dealId)); // too fresh to call lost
    await syncDealLines(dealId, later);
    expect((await dealsToSync(later)).map(String)).not.toContain(String(dealId));
    // A correction makes it wait again until its change is taken in.
    await correctDeal({ actor, dealId: String(dealId), change: { amountMinor: 5_000_000 }, now: later, jobs });
    const muchLater = new Date(later.getTime() + 5 * 60_000);
    expect((await dealsToSync(muchLater)).map(String)).toContain(String(dealId));
    await syncDealLines(dealId, muchLater);
    expect((await dealsToSync(muchLater)).map(String)).not.toContain(String(dealId));
  });

  it("recomputes a corrected deal's lines, with one audit entry per change however often it is processed", async () => {
    const { dealId, actor } = await dealUnderCurrentPlan();
    await syncDealLines(dealId, NOW);
    await correctDeal({ actor, dealId: String(dealId), change: { amountMinor: 5_000_000 }, now: NOW, jobs });
    expect(await syncDealLines(dealId, NOW)).toBe(2); // base and uplift; the acquisition bonus does not depend on the amount
    expect(await syncDealLines(dealId, NOW)).toBe(0);
    expect(await linesOf(dealId)).toEqual([
      ["acquisition", 100_000, "payable", "2026-01", true],
      ["base", 100_000, "payable", "2026-01", true],
      ["uplift", 200_000, "held", "2026-04", true],
    ]);
    const audits = await BonusAudit.find({ dealId }).lean();
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      action: "deal-edited",
      actorId: new Types.ObjectId(actor.memberId),
      change: { from: { amountMinor: 10_000_000, profitMinor: null }, to: { amountMinor: 5_000_000 } },
    });
    expect(audits[0]!.before.map((l) => [l.kind, l.amountMinor])).toEqual(expect.arrayContaining([["base", 200_000], ["uplift", 400_000], ["acquisition", 100_000]]));
    expect(audits[0]!.after.map((l) => [l.kind, l.amountMinor])).toEqual([["base", 100_000], ["uplift", 200_000], ["acquisition", 100_000]]);
  });

  it("voids an uplift a recorded profit caps away, and brings it back when the profit is cleared", async () => {
    const { dealId, actor } = await dealUnderCurrentPlan();
    await syncDealLines(dealId, NOW);
    // Profit 200,000.00 = the base: nothing is left for the uplift under capAtProfit.
    await correctDeal({ actor, dealId: String(dealId), change: { profitMinor: 200_000 }, now: NOW, jobs });
    await syncDealLines(dealId, NOW);
    expect((await linesOf(dealId)).find((l) => l[0] === "uplift")).toEqual(["uplift", 400_000, "held", "2026-04", false]);
    await correctDeal({ actor, dealId: String(dealId), change: { profitMinor: null }, now: NOW, jobs });
    await syncDealLines(dealId, NOW);
    expect((await linesOf(dealId)).find((l) => l[0] === "uplift")).toEqual(["uplift", 400_000, "held", "2026-04", true]);
    expect(await BonusAudit.countDocuments({ dealId })).toBe(2);
  });

  it("takes in several changes at once and ignores an event older than what it has taken in", async () => {
    const { dealId, actor } = await dealUnderCurrentPlan();
    // Recorded, corrected twice, and only then the consumer runs: one pass reaches the latest revision.
    await correctDeal({ actor, dealId: String(dealId), change: { amountMinor: 4_000_000 }, now: NOW, jobs });
    await correctDeal({ actor, dealId: String(dealId), change: { amountMinor: 6_000_000 }, now: NOW, jobs });
    await syncDealLines(dealId, NOW);
    expect((await linesOf(dealId)).find((l) => l[0] === "base")).toEqual(["base", 120_000, "payable", "2026-01", true]);
    expect(await Deal.findById(dealId).lean()).toMatchObject({ revision: 3, accruedRevision: 3 });
    const [entry] = await BonusAudit.find({ dealId }).lean();
    expect(entry).toMatchObject({ action: "deal-edited", before: [] });
    expect((entry!.change as { changes: unknown[] }).changes).toHaveLength(2);
    // The "revision 2" job arriving late changes nothing.
    expect(await syncDealLines(dealId, NOW)).toBe(0);
  });

  it("keeps a released uplift's fate when the deal is corrected afterwards", async () => {
    const { dealId, actor } = await dealUnderCurrentPlan();
    await syncDealLines(dealId, NOW);
    await resolveDueUplifts(new Date("2026-04-10T00:00:00Z"));
    await correctDeal({ actor, dealId: String(dealId), change: { amountMinor: 5_000_000 }, now: NOW, jobs });
    await syncDealLines(dealId, NOW);
    expect((await linesOf(dealId)).find((l) => l[0] === "uplift")).toEqual(["uplift", 200_000, "released", "2026-04", true]);
  });

  it("stops counting a deleted deal's lines, with an audit entry", async () => {
    const { dealId, actor } = await dealUnderCurrentPlan();
    await syncDealLines(dealId, NOW);
    await deleteDeal({ actor, dealId: String(dealId), now: NOW, jobs });
    expect(await syncDealLines(dealId, NOW)).toBe(3);
    expect(await BonusLine.countDocuments({ dealId, voidedAt: null })).toBe(0);
    expect(await BonusAudit.findOne({ dealId }).lean()).toMatchObject({ action: "deal-deleted", after: [], change: { amountMinor: 10_000_000 } });
    // Deleted before it was ever accrued: no lines at all.
    const other = await dealUnderCurrentPlan();
    await deleteDeal({ actor: other.actor, dealId: String(other.dealId), now: NOW, jobs });
    await syncDealLines(other.dealId, NOW);
    expect(await BonusLine.countDocuments({ dealId: other.dealId, voidedAt: null })).toBe(0);
  });

  it("ends each holdback once: a second sweep, or a concurrent one, decides nothing again; the notice waits until closed", async () => {
    const { dealId } = await dealUnderCurrentPlan();
    await syncDealLines(dealId, NOW);
    const release = new Date("2026-04-10T00:00:00Z");
    const [a, b] = await Promise.all([resolveDueUplifts(release), resolveDueUplifts(release)]);
    const mine = [...a, ...b].filter((l) => l.dealId.equals(dealId));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "uplift", status: "released", reason: "retained", noticePending: true });
    expect((await resolveDueUplifts(release)).filter((l) => l.dealId.equals(dealId))).toEqual([]);

    const notice = { sweepId: mine[0]!.resolvedBy!, managerId: String(mine[0]!.managerId) };
    expect(await pendingHoldbackNotices()).toContainEqual(notice);
    await closeHoldbackNotice(notice.sweepId, notice.managerId);
    expect(await pendingHoldbackNotices()).not.toContainEqual(notice);
  });
});

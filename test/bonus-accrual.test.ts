import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { accrueDealLines, unaccruedDeals } from "../src/bonuses/accrual.js";
import { BonusLine } from "../src/bonuses/bonus-line.model.js";
import { resolveDueUplifts } from "../src/bonuses/holdback.js";
import { recordDeal } from "../src/deals/record-deal.js";
import { updateTeamSettings } from "../src/teams/settings.js";
import { Team } from "../src/teams/team.model.js";
import { useTestDatabase } from "./support/db.js";
import { seedClients, seedMember, seedTeam } from "./support/seed.js";

useTestDatabase("accrual");

const NOW = new Date("2026-01-10T09:00:00Z");

async function dealUnderCurrentPlan() {
  const { team } = await seedTeam({ directorId: Math.floor(Math.random() * 1e9), timezone: "Europe/Moscow" });
  await updateTeamSettings(team._id, "bonus", { acquisitionBonusMinor: 100_000 });
  const fresh = (await Team.findById(team._id).lean())!;
  const manager = await seedMember(team, { telegramId: Math.floor(Math.random() * 1e9) });
  const [client] = await seedClients(team._id, manager._id, ["Accrual Client"], new Date("2025-12-01"));
  const id = new Types.ObjectId();
  const result = await recordDeal({
    id,
    viewer: { teamId: team._id, memberId: manager._id, role: "manager" },
    clientId: String(client!._id),
    amountMinor: 10_000_000,
    profitMinor: null,
    date: "2026-01-10",
    note: null,
    currency: "EUR",
    timezone: fresh.timezone,
    rotation: fresh.settings.rotation,
    bonusPlan: fresh.settings.bonus,
    now: NOW,
  });
  expect(result.ok).toBe(true);
  return { team: fresh, dealId: id, clientId: client!._id };
}

describe("bonus accrual", () => {
  it("writes a deal's lines once however often the event arrives", async () => {
    const { dealId } = await dealUnderCurrentPlan();
    expect(await accrueDealLines(dealId, NOW)).toBe(3);
    expect(await accrueDealLines(dealId, NOW)).toBe(0);
    await Promise.all([accrueDealLines(dealId, NOW), accrueDealLines(dealId, NOW)]);
    const lines = await BonusLine.find({ dealId }).sort({ _id: 1 }).lean();
    expect(lines.map((l) => [l.kind, l.amountMinor, l.status, l.payableMonth])).toEqual([
      ["acquisition", 100_000, "payable", "2026-01"],
      ["base", 200_000, "payable", "2026-01"],
      ["uplift", 400_000, "held", "2026-04"],
    ]);
  });

  it("keeps the plan a deal was logged under when the director changes it afterwards", async () => {
    const { team, dealId } = await dealUnderCurrentPlan();
    await updateTeamSettings(team._id, "bonus", { baseRateBp: 500, acquisitionBonusMinor: 0, newClientMultiplier: 1 });
    await accrueDealLines(dealId, NOW);
    const base = await BonusLine.findOne({ dealId, kind: "base" }).lean();
    expect(base).toMatchObject({ rateBp: 200, amountMinor: 200_000 });
    expect(await BonusLine.exists({ dealId, kind: "acquisition" })).not.toBeNull();
  });

  it("finds deals whose event got lost, until they are accrued", async () => {
    const { dealId } = await dealUnderCurrentPlan();
    const later = new Date(NOW.getTime() + 5 * 60_000);
    expect((await unaccruedDeals(later)).map(String)).toContain(String(dealId));
    expect((await unaccruedDeals(new Date(NOW.getTime() - 60_000))).map(String)).not.toContain(String(dealId)); // too fresh to call lost
    await accrueDealLines(dealId, later);
    expect((await unaccruedDeals(later)).map(String)).not.toContain(String(dealId));
  });

  it("ends each holdback once: a second sweep, or a concurrent one, decides nothing again", async () => {
    const { dealId } = await dealUnderCurrentPlan();
    await accrueDealLines(dealId, NOW);
    const release = new Date("2026-04-10T00:00:00Z");
    const [a, b] = await Promise.all([resolveDueUplifts(release), resolveDueUplifts(release)]);
    const mine = [...a, ...b].filter((l) => l.dealId.equals(dealId));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "uplift", status: "released", reason: "retained" });
    expect((await resolveDueUplifts(release)).filter((l) => l.dealId.equals(dealId))).toEqual([]);
  });
});

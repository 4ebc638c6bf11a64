import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { Client } from "../src/clients/client.model.js";
import { Deal } from "../src/deals/deal.model.js";
import { recordDeal, type DealInput } from "../src/deals/record-deal.js";
import { defaultTeamSettings } from "../src/teams/team-settings.js";
import { useTestDatabase } from "./support/db.js";
import { seedClients, seedMember, seedTeam } from "./support/seed.js";

useTestDatabase("deals");

describe("recording a deal", () => {
  async function setup() {
    const { team, member: director } = await seedTeam({ directorId: Math.floor(Math.random() * 1e9) });
    const manager = await seedMember(team, { telegramId: Math.floor(Math.random() * 1e9) });
    const [client] = await seedClients(team._id, manager._id, ["Omega"]);
    const viewer = { teamId: team._id, memberId: manager._id, role: "manager" as const };
    const base = (id = new Types.ObjectId()): DealInput => ({
      id,
      viewer,
      clientId: String(client!._id),
      amountMinor: 10_000,
      profitMinor: null,
      date: "2026-11-20",
      note: null,
      currency: "EUR",
      timezone: "Europe/Berlin",
      rotation: defaultTeamSettings().rotation,
      bonusPlan: defaultTeamSettings().bonus,
      now: new Date("2026-11-25T10:00:00Z"),
    });
    return { team, director, manager, client: client!, viewer, base };
  }

  it("counts a repeated request once and numbers deals in order", async () => {
    const { client, base } = await setup();
    const first = base();
    const a = await recordDeal(first);
    const again = await recordDeal(first);
    expect(a.ok && again.ok && a.value.deal._id.equals(again.value.deal._id)).toBe(true);
    const second = await recordDeal({ ...base(), date: "2026-11-10" });
    expect(second.ok && second.value.deal.sequence).toBe(2);
    expect(await Deal.countDocuments({ clientId: client._id })).toBe(2);
    const after = await Client.findById(client._id).lean();
    expect(after).toMatchObject({ dealCount: 2 });
    // The earlier date becomes the first deal date; the later stays the last.
    expect(after!.firstDealAt!.toISOString()).toBe("2026-11-09T23:00:00.000Z");
    expect(after!.lastDealAt!.toISOString()).toBe("2026-11-19T23:00:00.000Z");
  });

  it("finishes a deal whose client was counted before a crash, without counting it again", async () => {
    const { client, base } = await setup();
    const input = base();
    // Simulate a crash after the client update: the counter moved, the deal document is missing.
    await Client.updateOne({ _id: client._id }, { $inc: { dealCount: 1 }, $set: { lastDealRequestId: String(input.id) } });
    const result = await recordDeal(input);
    expect(result.ok && result.value.deal.sequence).toBe(1);
    expect((await Client.findById(client._id).lean())!.dealCount).toBe(1);
    expect(await Deal.countDocuments({ clientId: client._id })).toBe(1);
  });

  it("refuses another manager's client and a lost one", async () => {
    const { team, client, base } = await setup();
    const other = await seedMember(team, { telegramId: Math.floor(Math.random() * 1e9) });
    const forged = await recordDeal({ ...base(), viewer: { teamId: team._id, memberId: other._id, role: "manager" } });
    expect(forged).toEqual({ ok: false, error: "not-found" });
    await Client.updateOne({ _id: client._id }, { $set: { status: "lost" } });
    expect(await recordDeal(base())).toEqual({ ok: false, error: "lost" });
    expect(await Deal.countDocuments({ clientId: client._id })).toBe(0);
  });

  it("credits the owner when a director logs the deal", async () => {
    const { director, team, manager, client, base } = await setup();
    const result = await recordDeal({ ...base(), viewer: { teamId: team._id, memberId: director._id, role: "director" } });
    expect(result.ok && String(result.value.deal.managerId)).toBe(String(manager._id));
    expect(result.ok && String(result.value.deal.clientId)).toBe(String(client._id));
  });
});

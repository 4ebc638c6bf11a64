import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { ClientEvent } from "../src/clients/client-event.model.js";
import { Client } from "../src/clients/client.model.js";
import { correctDeal, deleteDeal } from "../src/deals/change-deal.js";
import { clientDeals, editableDeal } from "../src/deals/deal-access.js";
import { Deal } from "../src/deals/deal.model.js";
import { recordDeal, type RecordDealInput } from "../src/deals/record-deal.js";
import type { JobData, JobName } from "../src/queue/catalog.js";
import type { JobQueue } from "../src/queue/job-queue.js";
import { projectRoot } from "../src/shared/paths.js";
import { Member } from "../src/teams/member.model.js";
import { useTestDatabase } from "./support/db.js";
import { seedClients, seedMember, seedTeam } from "./support/seed.js";

useTestDatabase("deals");

/** A JobQueue that only records what a use case published. */
function recordingQueue() {
  const published: { name: JobName; data: unknown }[] = [];
  const jobs: JobQueue = {
    enqueue: <N extends JobName>(name: N, data: JobData<N>) => Promise.resolve(void published.push({ name, data })),
    schedule: <N extends JobName>(name: N, _at: Date, data: JobData<N>) => Promise.resolve(void published.push({ name, data })),
  };
  return { jobs, published };
}

const NOW = new Date("2026-11-25T10:00:00Z");

async function setup() {
  const { team, member: director } = await seedTeam({ directorId: Math.floor(Math.random() * 1e9) });
  const manager = await seedMember(team, { telegramId: Math.floor(Math.random() * 1e9) });
  const [client] = await seedClients(team._id, manager._id, ["Omega"]);
  const actor = { teamId: String(team._id), memberId: String(manager._id) };
  const queue = recordingQueue();
  const base = (id = new Types.ObjectId()): RecordDealInput => ({
    actor,
    id,
    clientId: String(client!._id),
    amountMinor: 10_000,
    profitMinor: null,
    date: "2026-11-20",
    note: null,
    now: NOW,
    jobs: queue.jobs,
  });
  return { team, director, manager, client: client!, actor, base, ...queue };
}

describe("recording a deal", () => {
  it("counts a repeated request once, numbers deals in order, and tells the bonus engine about each", async () => {
    const { client, base, published } = await setup();
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
    // Published on every call (the queue keeps one job per deal id).
    expect(published.map((p) => p.name)).toEqual(["deal.recorded", "deal.recorded", "deal.recorded"]);
    expect(published[0]!.data).toEqual({ dealId: String(first.id) });
  });

  it("keeps the team's plan of the moment and the team's currency on the deal", async () => {
    const { base } = await setup();
    const result = await recordDeal(base());
    expect(result.ok && result.value.deal).toMatchObject({ currency: "EUR", revision: 1, accruedAt: null, bonusPlan: { baseRateBp: 200, newClientMultiplier: 3 } });
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
    const forged = await recordDeal({ ...base(), actor: { teamId: String(team._id), memberId: String(other._id) } });
    expect(forged).toEqual({ ok: false, error: "not-found" });
    await Client.updateOne({ _id: client._id }, { $set: { status: "lost" } });
    expect(await recordDeal(base())).toEqual({ ok: false, error: "lost" });
    expect(await Deal.countDocuments({ clientId: client._id })).toBe(0);
  });

  it("refuses a manager deactivated since the conversation began, and writes nothing", async () => {
    const { manager, client, base, published } = await setup();
    await Member.updateOne({ _id: manager._id }, { $set: { active: false } });
    expect(await recordDeal(base())).toEqual({ ok: false, error: "not-a-member" });
    expect(await Deal.countDocuments({ clientId: client._id })).toBe(0);
    expect((await Client.findById(client._id).lean())!.dealCount).toBe(0);
    expect(published).toEqual([]);
  });

  it("refuses a nonsense amount before writing anything", async () => {
    const { client, base } = await setup();
    expect(await recordDeal({ ...base(), amountMinor: 0 })).toEqual({ ok: false, error: "amount-invalid" });
    expect(await recordDeal({ ...base(), profitMinor: -5 })).toEqual({ ok: false, error: "amount-invalid" });
    expect(await Deal.countDocuments({ clientId: client._id })).toBe(0);
  });

  it("credits the owner when a director logs the deal", async () => {
    const { director, team, manager, client, base } = await setup();
    const result = await recordDeal({ ...base(), actor: { teamId: String(team._id), memberId: String(director._id) } });
    expect(result.ok && String(result.value.deal.managerId)).toBe(String(manager._id));
    expect(result.ok && String(result.value.deal.clientId)).toBe(String(client._id));
  });
});

describe("correcting and deleting a deal", () => {
  async function withDeal() {
    const s = await setup();
    const recorded = await recordDeal(s.base());
    if (!recorded.ok) throw new Error(recorded.error);
    s.published.length = 0;
    return { ...s, dealId: String(recorded.value.deal._id) };
  }

  it("raises the revision, keeps who changed what, and publishes the change once per revision", async () => {
    const { actor, dealId, jobs, published, manager } = await withDeal();
    const a = await correctDeal({ actor, dealId, change: { amountMinor: 12_000 }, now: NOW, jobs });
    expect(a.ok && a.value).toMatchObject({ amountMinor: 12_000, revision: 2, accruedAt: null });
    const b = await correctDeal({ actor, dealId, change: { profitMinor: 3_000 }, now: NOW, jobs });
    expect(b.ok && b.value).toMatchObject({ amountMinor: 12_000, profitMinor: 3_000, revision: 3 });
    expect(published).toEqual([
      { name: "deal.corrected", data: { dealId, revision: 2 } },
      { name: "deal.corrected", data: { dealId, revision: 3 } },
    ]);
    const stored = await Deal.findById(dealId).lean();
    expect(stored!.changes!.map((c) => [c.revision, c.action, String(c.actorId), c.change])).toEqual([
      [2, "corrected", String(manager._id), { from: { amountMinor: 10_000, profitMinor: null }, to: { amountMinor: 12_000 } }],
      [3, "corrected", String(manager._id), { from: { amountMinor: 12_000, profitMinor: null }, to: { profitMinor: 3_000 } }],
    ]);
    // One line per change in the client's history.
    expect(await ClientEvent.countDocuments({ clientId: stored!.clientId, kind: "edited" })).toBe(2);
  });

  it("lets only whoever may change the deal change it", async () => {
    const { team, director, dealId, jobs, published } = await withDeal();
    const other = await seedMember(team, { telegramId: Math.floor(Math.random() * 1e9) });
    const otherActor = { teamId: String(team._id), memberId: String(other._id) };
    expect(await correctDeal({ actor: otherActor, dealId, change: { amountMinor: 1 }, now: NOW, jobs })).toEqual({ ok: false, error: "not-found" });
    expect(await deleteDeal({ actor: otherActor, dealId, now: NOW, jobs })).toEqual({ ok: false, error: "not-found" });
    expect(await editableDeal(otherActor, dealId)).toEqual({ ok: false, error: "not-found" });
    // Another team's director cannot either.
    const elsewhere = await seedTeam({ directorId: Math.floor(Math.random() * 1e9) });
    const foreign = { teamId: String(elsewhere.team._id), memberId: String(elsewhere.member._id) };
    expect(await correctDeal({ actor: foreign, dealId, change: { amountMinor: 1 }, now: NOW, jobs })).toEqual({ ok: false, error: "not-found" });
    // A forged actor (the member id of one team with another team's id) is no member at all.
    expect(await editableDeal({ teamId: String(elsewhere.team._id), memberId: String(director._id) }, dealId)).toEqual({ ok: false, error: "not-a-member" });
    expect(published).toEqual([]);
    expect((await Deal.findById(dealId).lean())!.amountMinor).toBe(10_000);
    // Their own team's director can.
    const own = { teamId: String(team._id), memberId: String(director._id) };
    expect((await correctDeal({ actor: own, dealId, change: { amountMinor: 9_000 }, now: NOW, jobs })).ok).toBe(true);
  });

  it("refuses a member deactivated meanwhile, and writes nothing", async () => {
    const { actor, manager, dealId, jobs, published } = await withDeal();
    await Member.updateOne({ _id: manager._id }, { $set: { active: false } });
    expect(await correctDeal({ actor, dealId, change: { amountMinor: 1 }, now: NOW, jobs })).toEqual({ ok: false, error: "not-a-member" });
    expect(await deleteDeal({ actor, dealId, now: NOW, jobs })).toEqual({ ok: false, error: "not-a-member" });
    expect(await Deal.findById(dealId).lean()).toMatchObject({ amountMinor: 10_000, deletedAt: null });
    expect(published).toEqual([]);
  });

  it("deletes once: the client's counters follow, a repeat finishes the same deletion", async () => {
    const { actor, client, dealId, jobs, published, base } = await withDeal();
    const later = await recordDeal({ ...base(), date: "2026-11-22" });
    expect(later.ok).toBe(true);
    published.length = 0;
    const deleted = await deleteDeal({ actor, dealId, now: NOW, jobs });
    expect(deleted.ok && deleted.value).toMatchObject({ revision: 2, deletedAt: NOW });
    const again = await deleteDeal({ actor, dealId, now: new Date(NOW.getTime() + 1000), jobs });
    expect(again.ok && again.value.deletedAt).toEqual(NOW);
    expect(published).toEqual([
      { name: "deal.deleted", data: { dealId } },
      { name: "deal.deleted", data: { dealId } },
    ]);
    const after = await Client.findById(client._id).lean();
    expect(after).toMatchObject({ dealCount: 1 });
    expect(after!.firstDealAt!.toISOString()).toBe("2026-11-21T23:00:00.000Z");
    expect(await ClientEvent.countDocuments({ clientId: client._id, kind: "edited" })).toBe(1);
    // A deleted deal can no longer be corrected.
    expect(await correctDeal({ actor, dealId, change: { amountMinor: 5 }, now: NOW, jobs })).toEqual({ ok: false, error: "not-found" });
  });

  it("lists a client's deals newest first, a page at a time, without deleted ones", async () => {
    const { actor, client, base, jobs } = await setup();
    for (let day = 1; day <= 12; day++) await recordDeal({ ...base(), date: `2026-11-${String(day).padStart(2, "0")}` });
    const firstPage = await clientDeals({ actor, clientId: String(client._id), page: 0, pageSize: 10 });
    expect(firstPage.ok && firstPage.value.deals.map((d) => d.date.slice(8))).toEqual(["12", "11", "10", "09", "08", "07", "06", "05", "04", "03"]);
    expect(firstPage.ok && firstPage.value.hasMore).toBe(true);
    const newest = firstPage.ok ? String(firstPage.value.deals[0]!._id) : "";
    await deleteDeal({ actor, dealId: newest, now: NOW, jobs });
    const second = await clientDeals({ actor, clientId: String(client._id), page: 1, pageSize: 10 });
    expect(second.ok && second.value).toMatchObject({ page: 1, hasMore: false });
    expect(second.ok && second.value.deals.map((d) => d.date.slice(8))).toEqual(["01"]);
    expect(await clientDeals({ actor, clientId: "not-an-id", page: 0, pageSize: 10 })).toEqual({ ok: false, error: "not-found" });
  });
});

describe("the deals domain", () => {
  it("imports nothing of the bonus engine (the dependency points from bonuses to deals)", () => {
    const dir = join(projectRoot, "src", "deals");
    const offending = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .filter((f) => /from "\.\.\/bonuses\//.test(readFileSync(join(dir, f), "utf8")));
    expect(offending).toEqual([]);
  });
});

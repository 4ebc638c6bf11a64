import { Api } from "grammy";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rotationRunJob } from "../jobs/rotation/run.js";
import type { JobDeps } from "../jobs/runtime/deps.js";
import { createI18n } from "../src/i18n/i18n.js";
import { createLogger } from "../src/logger.js";
import { Delivery } from "../src/outbound/delivery.model.js";
import { DeliveryDeferred, Outbound } from "../src/outbound/outbound.js";
import type { JobData } from "../src/queue/catalog.js";
import type { JobQueue } from "../src/queue/job-queue.js";
import { storedRotationDueAt } from "../src/rotation/from-documents.js";
import { pastRuns } from "../src/rotation/history.js";
import { recomputeRotationDue } from "../src/rotation/recompute-due.js";
import { noticeKey, summaryKey } from "../src/rotation/run-ids.js";
import { runRotation } from "../src/rotation/run-team.js";
import { previewNextRun, requestManualRun } from "../src/rotation/start-run.js";
import { ManualClock } from "../src/shared/clock.js";
import { Member } from "../src/teams/member.model.js";
import { FakeBotApi } from "./harness/fake-bot-api.js";
import { TEST_TOKEN } from "./support/app.js";
import { ClientEvent } from "../src/clients/client-event.model.js";
import { Client } from "../src/clients/client.model.js";
import { recordDeal } from "../src/deals/record-deal.js";
import { applyRun, planTeamRun } from "../src/rotation/run-rotation.js";
import { RotationRun } from "../src/rotation/rotation-run.model.js";
import { Rotation } from "../src/rotation/rotation.model.js";
import { dueReportReminders, markReminderDone } from "../src/rotation/reports.js";
import { Team } from "../src/teams/team.model.js";
import { useTestDatabase } from "./support/db.js";
import { seedClients, seedMember, seedTeam } from "./support/seed.js";

useTestDatabase("rotationrun");

const NOW = new Date("2026-11-25T01:30:00Z");
const MONTH = 30 * 24 * 3600 * 1000;

/** A level-1 team of `managers` managers, each holding `perManager` never-bought clients for 7 months. */
async function levelOneTeam(managers: number, perManager: number) {
  const { team } = await seedTeam({ directorId: Math.floor(Math.random() * 1e9), now: new Date(NOW.getTime() - 12 * MONTH) });
  const ms = [];
  for (let i = 0; i < managers; i++) {
    const m = await seedMember(team, { telegramId: Math.floor(Math.random() * 1e9), name: `M${i}`, level: 1 });
    ms.push(m);
    await seedClients(team._id, m._id, Array.from({ length: perManager }, (_, k) => `C${i}-${k}`), new Date(NOW.getTime() - 7 * MONTH));
  }
  return { team: (await Team.findById(team._id).lean())!, managers: ms };
}

async function ownersAreConsistent(teamId: Types.ObjectId) {
  const clients = await Client.find({ teamId }).lean();
  for (const c of clients) {
    // Exactly one owner, and the history ends with that owner.
    expect(c.ownership.at(-1)!.ownerId?.toString() ?? null).toBe(c.ownerId?.toString() ?? null);
  }
  return clients;
}

describe("applying a rotation run", () => {
  it("moves each planned client once, even when applied twice or by two workers at once", async () => {
    const { team } = await levelOneTeam(4, 30);
    const run = await planTeamRun({ team, runId: `${team._id}:2026-11-25`, kind: "nightly", now: NOW });
    expect(run.moves).toHaveLength(120);
    const [a, b] = await Promise.all([applyRun(run, team), applyRun(run, team)]);
    expect(a.moved + b.moved).toBeGreaterThanOrEqual(120); // each reports what is done, whoever did it
    await applyRun(run, team);
    expect(await Rotation.countDocuments({ runId: run._id })).toBe(120);
    expect(await ClientEvent.countDocuments({ teamId: team._id, kind: "owner" })).toBe(120);
    const clients = await ownersAreConsistent(team._id);
    expect(clients.every((c) => c.ownership.length === 2)).toBe(true);
    // "As many as you took, give the same".
    const perOwner = new Map<string, number>();
    for (const c of clients) perOwner.set(String(c.ownerId), (perOwner.get(String(c.ownerId)) ?? 0) + 1);
    expect([...perOwner.values()]).toEqual([30, 30, 30, 30]);
  });

  it("finishes a run killed half-way, with every client owned by exactly one manager", async () => {
    const { team } = await levelOneTeam(3, 40);
    const runId = `${team._id}:2026-11-25`;
    const run = await planTeamRun({ team, runId, kind: "nightly", now: NOW });
    // The worker died after the first 50 moves: only they were written.
    await applyRun({ ...run, moves: run.moves.slice(0, 50) }, team);
    await RotationRun.updateOne({ _id: runId }, { $set: { appliedAt: null, skipped: [] } });
    // Planning again returns the stored plan, not a new one.
    const again = await planTeamRun({ team, runId, kind: "nightly", now: new Date(NOW.getTime() + 3600_000) });
    expect(again.moves.map((m) => String(m.clientId))).toEqual(run.moves.map((m) => String(m.clientId)));
    const result = await applyRun(again, team);
    expect(result).toEqual({ moved: 120, skipped: 0 });
    const clients = await ownersAreConsistent(team._id);
    expect(clients.every((c) => c.ownership.length === 2)).toBe(true);
    expect(await Rotation.countDocuments({ runId })).toBe(120);
  });

  it("skips and reports a client that changed since planning (new deal, new owner, lost)", async () => {
    const { team, managers } = await levelOneTeam(2, 3);
    const run = await planTeamRun({ team, runId: `${team._id}:2026-11-25`, kind: "nightly", now: NOW });
    const [dealt, lost] = run.moves;
    const dealtClient = await Client.findById(dealt!.clientId).lean();
    const owner = managers.find((m) => m._id.equals(dealtClient!.ownerId!))!;
    await recordDeal({
      actor: { teamId: String(team._id), memberId: String(owner._id) },
      id: new Types.ObjectId(),
      clientId: String(dealt!.clientId),
      amountMinor: 100,
      profitMinor: null,
      date: "2026-11-24",
      note: null,
      now: NOW,
      jobs: { enqueue: async () => {}, schedule: async () => {} },
    });
    await Client.updateOne({ _id: lost!.clientId }, { $set: { status: "lost" } });
    const result = await applyRun(run, team);
    expect(result).toEqual({ moved: 4, skipped: 2 });
    const stored = await RotationRun.findById(run._id).lean();
    expect(stored!.skipped.map(String).sort()).toEqual([String(dealt!.clientId), String(lost!.clientId)].sort());
    expect(String((await Client.findById(dealt!.clientId).lean())!.ownerId)).toBe(String(owner._id));
  });

  it("records the report deadline at the end of the due day, team time", async () => {
    const { team } = await levelOneTeam(2, 1);
    const run = await planTeamRun({ team, runId: `${team._id}:2026-11-25`, kind: "nightly", now: NOW });
    await applyRun(run, team);
    const rotation = await Rotation.findOne({ runId: run._id }).lean();
    // Berlin: handed over 25.11 02:30, 7 days → due by the end of 02.12 (= 03.12 00:00 local = 02.12 23:00 UTC).
    expect(rotation).toMatchObject({
      dueAt: new Date("2026-12-02T23:00:00Z"),
      remindBeforeAt: new Date("2026-12-01T08:00:00Z"),
      remindOnDayAt: new Date("2026-12-02T08:00:00Z"),
      report: null,
    });
  });

  it("finds each due reminder until it is marked done, and never lets stale ones crowd out due ones", async () => {
    const { team, managers } = await levelOneTeam(1, 4);
    const owner = managers[0]!;
    const clients = await Client.find({ teamId: team._id }).sort({ name: 1 }).lean();
    const now = new Date("2026-06-10T08:00:00Z");
    const day = 24 * 3600 * 1000;
    const rotation = (id: string, clientId: Types.ObjectId, dueInDays: number) => ({
      _id: id,
      teamId: team._id,
      runId: "r",
      clientId,
      toId: owner._id,
      reason: "lapsed",
      at: new Date(now.getTime() - 7 * day),
      dueAt: new Date(now.getTime() + dueInDays * day),
      remindBeforeAt: new Date(now.getTime() + (dueInDays - 1.5) * day),
      remindOnDayAt: new Date(now.getTime() + (dueInDays - 0.5) * day),
      report: null,
      // The overdue warning of the stale ones went out already.
      escalatedAt: dueInDays < 0 ? now : null,
    });
    // Three whose deadline passed long ago (their reminders were never sent), one due tomorrow.
    await Rotation.insertMany([
      rotation("stale-1", clients[0]!._id, -5),
      rotation("stale-2", clients[1]!._id, -5),
      rotation("stale-3", clients[2]!._id, -5),
      rotation("fresh", clients[3]!._id, 1),
    ]);
    const first = await dueReportReminders(now, "en", 2);
    expect(first.map((r) => [r.kind, r.rotationId, r.recipients.map((to) => to.key)])).toEqual([["before", "fresh", ["report-reminder:fresh:before"]]]);
    // Not marked (the sender died before it could): found again, and sent under the same key.
    expect((await dueReportReminders(now, "en", 2)).map((r) => r.rotationId)).toEqual(["fresh"]);
    await markReminderDone("fresh", "before", now);
    expect(await dueReportReminders(now, "en", 2)).toEqual([]);
  });

  it("drops a reminder whose client moved on, or whose owner is in another team now", async () => {
    const { team, managers } = await levelOneTeam(2, 1);
    const [a, b] = managers;
    const now = new Date("2026-06-10T08:00:00Z");
    const clientOfB = await Client.findOne({ teamId: team._id, ownerId: b!._id }).lean();
    await Rotation.create({
      _id: "moved-on",
      teamId: team._id,
      runId: "r",
      clientId: clientOfB!._id,
      toId: a!._id, // handed to A once; B holds it now
      reason: "lapsed",
      at: now,
      dueAt: new Date(now.getTime() + 3600_000),
      remindBeforeAt: new Date(now.getTime() - 3600_000),
      remindOnDayAt: new Date(now.getTime() - 60_000),
      report: null,
    });
    expect(await dueReportReminders(now, "en")).toEqual([]);
    expect(await Rotation.findById("moved-on").lean()).toMatchObject({ remindedBeforeAt: now, remindedOnDayAt: now });
  });
});

/**
 * The `rotation.run` job's messages, through the real outbound path and the
 * fake Bot API: at-least-once, never twice, whatever fails or runs twice.
 */
describe("the run job's notices and summary", () => {
  let fake: FakeBotApi;
  let deps: JobDeps;
  const published: { name: string; data: unknown }[] = [];

  beforeAll(async () => {
    fake = await FakeBotApi.start();
    const api = new Api(TEST_TOKEN, { apiRoot: fake.apiRoot });
    const logger = createLogger({ level: "silent" });
    const clock = new ManualClock(NOW);
    const jobs: JobQueue = {
      enqueue: async (name, data) => void published.push({ name, data }),
      schedule: async (name, _at, data) => void published.push({ name, data }),
    };
    deps = {
      config: { DEFAULT_LANGUAGE: "en" } as JobDeps["config"],
      logger,
      clock,
      api,
      jobs,
      outbound: new Outbound({ api, logger, clock, jobs }),
      i18n: createI18n({ defaultLanguage: "en", languageOf: () => undefined }),
    };
  });
  afterAll(() => fake.stop());

  /** A team whose members have all opened the chat with the bot. */
  async function teamWithChats(managers: number) {
    const { team, managers: ms } = await levelOneTeam(managers, 2);
    const director = (await Member.findOne({ teamId: team._id, role: "director" }).lean())!;
    for (const m of [...ms, director]) fake.registerUser({ id: m.telegramId, is_bot: false, first_name: m.name });
    return { team, managers: ms, director };
  }
  const run = (data: JobData<"rotation.run">) => rotationRunJob(deps).run({ data, log: deps.logger, attempt: 1, touch: async () => {} });
  /** Messages Telegram accepted, per chat. */
  const delivered = (chatId: number) => fake.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === String(chatId) && c.response.ok).length;

  it("keeps a notice Telegram holds back (429, long retry_after) pending, and the job's retry delivers just that one", async () => {
    const { team, managers, director } = await teamWithChats(3);
    const runId = `${team._id}:2026-11-25`;
    const [a, b, c] = managers;
    fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(600), { chatId: b!.telegramId });

    await expect(run({ teamId: String(team._id), runId, kind: "nightly" })).rejects.toBeInstanceOf(DeliveryDeferred);
    expect((await Delivery.findById(noticeKey(runId, b!._id)).lean())!.status).toBe("pending");
    expect([a, b, c, director].map((m) => delivered(m!.telegramId))).toEqual([1, 0, 1, 1]);

    // Agenda's retry (after retry_after): only the pending notice goes out.
    await run({ teamId: String(team._id), runId, kind: "nightly" });
    expect([a, b, c, director].map((m) => delivered(m!.telegramId))).toEqual([1, 1, 1, 1]);
    const notice = fake.callsTo("sendMessage").find((call) => String(call.payload.chat_id) === String(b!.telegramId) && call.response.ok)!;
    expect(String(notice.payload.text)).toMatch(/^🔁 Client rotation\n\nYou received 2 clients:/);
    expect((await Delivery.findById(summaryKey(runId, director.telegramId)).lean())!.status).toBe("sent");

    // A run repeated once more (a redelivered job) sends nothing and moves nothing.
    const calls = fake.callsTo("sendMessage").length;
    await run({ teamId: String(team._id), runId, kind: "nightly" });
    expect(fake.callsTo("sendMessage").length).toBe(calls);
    expect(await Rotation.countDocuments({ runId })).toBe(6);
  });

  it("tells every manager once when two workers run the same job at the same time", async () => {
    const { team, managers, director } = await teamWithChats(4);
    const data = { teamId: String(team._id), runId: `${team._id}:2026-11-25`, kind: "nightly" } as const;
    const results = await Promise.allSettled([run(data), run(data)]);
    // A worker that found a message held by the other is told to come back later, nothing else.
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(DeliveryDeferred);
    await run(data);
    expect([...managers, director].map((m) => delivered(m.telegramId))).toEqual([1, 1, 1, 1, 1]);
    expect(await Rotation.countDocuments({ runId: data.runId })).toBe(8);
  });

  it("tells the director who asked when a run gives up, and what to do", async () => {
    const { team, director } = await teamWithChats(1);
    const job = rotationRunJob(deps);
    const data = { teamId: String(team._id), runId: `${team._id}:manual:tok`, kind: "manual", requestedBy: director.telegramId } as const;
    await job.onGiveUp!(data, new Error("database down"));
    await job.onGiveUp!(data, new Error("database down"));
    const sent = fake.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === String(director.telegramId));
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.payload.text)).toMatch(/could not be finished[\s\S]*nothing moves twice[\s\S]*Past runs/);
  });
});

describe("run now from a preview", () => {
  it("makes exactly the plan the preview showed, and only from a token of that team", async () => {
    const { team } = await levelOneTeam(5, 3);
    const director = (await Member.findOne({ teamId: team._id, role: "director" }).lean())!;
    const actor = { teamId: team._id, memberId: director._id };
    const preview = await previewNextRun({ actor, now: NOW });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.value.moveCount).toBe(15);

    const published: JobData<"rotation.run">[] = [];
    const jobs: JobQueue = { enqueue: async (_name, data) => void published.push(data as JobData<"rotation.run">), schedule: async () => {} };
    const started = await requestManualRun({ actor, token: preview.value.token!, requestedBy: director.telegramId, now: NOW, jobs });
    expect(started).toEqual({ ok: true, value: { runId: `${team._id}:manual:${preview.value.token}` } });
    // A token of no preview, or of another team's, starts nothing.
    const other = await levelOneTeam(2, 1);
    const otherDirector = (await Member.findOne({ teamId: other.team._id, role: "director" }).lean())!;
    expect(await requestManualRun({ actor: { teamId: other.team._id, memberId: otherDirector._id }, token: preview.value.token!, requestedBy: 1, now: NOW, jobs })).toEqual({
      ok: false,
      error: "expired",
    });
    expect(await requestManualRun({ actor, token: "forged123456", requestedBy: 1, now: NOW, jobs })).toEqual({ ok: false, error: "expired" });
    expect(published).toHaveLength(1);

    const messages = (await runRotation({ ...published[0]!, now: new Date(NOW.getTime() + 60_000) }))!;
    const clients = new Map((await Client.find({ teamId: team._id }).lean()).map((c) => [String(c._id), c.name]));
    const members = new Map((await Member.find({ teamId: team._id }).lean()).map((m) => [String(m._id), m.name]));
    const ran = messages.run.moves.map((m) => `${clients.get(String(m.clientId))} → ${members.get(String(m.toId))}`).sort();
    const shown = preview.value.moves.map((m) => `${m.clientName} → ${m.toName}`).sort();
    expect(ran).toEqual(shown);
  });
});

describe("past runs", () => {
  it("are listed newest first, a page at a time, to directors only, counting moves without reading them", async () => {
    const { team, managers } = await levelOneTeam(1, 0);
    const director = (await Member.findOne({ teamId: team._id, role: "director" }).lean())!;
    const day = 24 * 3600 * 1000;
    await RotationRun.insertMany(
      Array.from({ length: 23 }, (_, i) => ({
        _id: `${team._id}:run-${i}`,
        teamId: team._id,
        kind: "nightly",
        plannedAt: new Date(NOW.getTime() + i * day),
        reportDueAt: NOW,
        moves: Array.from({ length: i }, () => ({ clientId: new Types.ObjectId(), fromId: null, toId: managers[0]!._id, reason: "pool-top-up", expectDealCount: 0, rotationDueAt: NOW })),
        skipped: i > 0 ? [new Types.ObjectId()] : [],
      })),
    );
    const actor = { teamId: team._id, memberId: director._id };
    const first = await pastRuns({ actor, page: 0 });
    expect(first.ok && first.value.pages).toBe(3);
    expect(first.ok && first.value.runs.slice(0, 2).map((r) => [r.moved, r.skipped])).toEqual([
      [21, 1],
      [20, 1],
    ]);
    const last = await pastRuns({ actor, page: 99 });
    expect(last.ok && [last.value.page, last.value.runs.length, last.value.runs.at(-1)!.moved]).toEqual([2, 3, 0]);
    expect(await pastRuns({ actor: { teamId: team._id, memberId: managers[0]!._id }, page: 0 })).toEqual({ ok: false, error: "not-allowed" });
  });
});

describe("recomputing due dates after the rules changed", () => {
  it("ends with the newest rules when two recomputes race, and changes nothing when run again", async () => {
    const { team } = await levelOneTeam(2, 20);
    const setRules = (neverBoughtMonths: number) => Team.updateOne({ _id: team._id }, { $set: { "settings.rotation.neverBoughtMonths": neverBoughtMonths } });
    await setRules(3);
    const first = recomputeRotationDue(team._id);
    await setRules(9);
    const second = recomputeRotationDue(team._id);
    await Promise.all([first, second]);
    const rules = (await Team.findById(team._id).lean())!.settings.rotation;
    const clients = await Client.find({ teamId: team._id }).lean();
    for (const c of clients) expect(c.rotationDueAt!.getTime()).toBe(storedRotationDueAt(c, rules).getTime());
    expect(await recomputeRotationDue(team._id)).toEqual({ changed: 0, passes: 1 });
  });
});

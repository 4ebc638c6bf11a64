import { Writable } from "node:stream";
import { parse } from "csv-parse/sync";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dealEventJobs } from "../jobs/bonuses/accrual.js";
import { bonusClock } from "../jobs/bonuses/clock.js";
import { holdbackNoticeJob } from "../jobs/bonuses/holdback.js";
import { statementsJob } from "../jobs/bonuses/statements.js";
import type { JobDefinition } from "../jobs/runtime/define-job.js";
import type { JobDeps } from "../jobs/runtime/deps.js";
import { BonusLine, type BonusLineDoc } from "../src/bonuses/bonus-line.model.js";
import { statementMonthDue } from "../src/bonuses/monthly-statements.js";
import { loadConfig } from "../src/config.js";
import { createI18n } from "../src/i18n/i18n.js";
import { createLogger } from "../src/logger.js";
import { Delivery } from "../src/outbound/delivery.model.js";
import { DeliveryDeferred, Outbound } from "../src/outbound/outbound.js";
import type { JobData, JobName } from "../src/queue/catalog.js";
import type { JobQueue } from "../src/queue/job-queue.js";
import { ManualClock } from "../src/shared/clock.js";
import { createBackgroundApi } from "../src/telegram/api.js";
import { Member } from "../src/teams/member.model.js";
import { Team } from "../src/teams/team.model.js";
import { FakeBotApi } from "./harness/fake-bot-api.js";
import { TEST_TOKEN } from "./support/app.js";
import { useTestDatabase } from "./support/db.js";
import { seedClients, seedMember, seedTeam } from "./support/seed.js";

useTestDatabase("bonusjobs");

/**
 * The bonus jobs' handlers run as a worker runs them, against the fake Bot
 * API through the real outbound path: what a deferral (429 with a long
 * retry_after) leaves pending, and what the job's retry sends.
 */
let fake: FakeBotApi;
let deps: JobDeps;
const published: { name: JobName; data: unknown }[] = [];
const clock = new ManualClock(new Date("2026-04-10T06:00:00Z"));

beforeAll(async () => {
  fake = await FakeBotApi.start();
  const config = loadConfig({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot, OUTBOUND_MAX_WAIT_SECONDS: "1" });
  const logger = createLogger({ level: "warn", destination: new Writable({ write: (_c, _e, done) => done() }) });
  const jobs: JobQueue = {
    enqueue: <N extends JobName>(name: N, data: JobData<N>) => Promise.resolve(void published.push({ name, data })),
    schedule: <N extends JobName>(name: N, _at: Date, data: JobData<N>) => Promise.resolve(void published.push({ name, data })),
  };
  const api = createBackgroundApi(config, config.OUTBOUND_MAX_WAIT_SECONDS);
  const outbound = new Outbound({ api, logger, clock, jobs });
  const i18n = createI18n({ defaultLanguage: "en", languageOf: () => undefined });
  deps = { config, logger, clock, api, outbound, jobs, i18n };
});
afterAll(() => fake.stop());

/** Runs a job's handler once, as Agenda would (attempt numbers do not matter here). */
const run = <N extends JobName>(job: JobDefinition<N>, data: JobData<N>) =>
  job.run({ data, log: deps.logger, attempt: 1, touch: async () => {} });

/** The next sendMessage/sendDocument to `chatId` after the first accepted one answers 429 with a retry_after far beyond the wait cap. */
function throttleAfterFirst(method: string, chatId: number): void {
  const off = fake.onCall((call) => {
    if (call.method === method && String(call.payload.chat_id) === String(chatId) && call.response.ok) {
      fake.failNext(method, FakeBotApi.errors.tooManyRequests(3600), { chatId });
      off();
    }
  });
}

const sent = (method: string, chatId: number, since: number) =>
  fake.callsSince(since).filter((c) => c.method === method && String(c.payload.chat_id) === String(chatId));

async function teamWithManager(telegramId: number, directorId: number) {
  const { team, member: director } = await seedTeam({ directorId, timezone: "Europe/Moscow" });
  const manager = await seedMember(team, { telegramId, name: "Long Notice Manager" });
  fake.registerUser({ id: telegramId, is_bot: false, first_name: "Manager" });
  fake.registerUser({ id: directorId, is_bot: false, first_name: "Director" });
  return { team, director, manager };
}

function line(input: { team: Types.ObjectId; manager: Types.ObjectId; client: Types.ObjectId; kind: BonusLineDoc["kind"]; month: string } & Partial<BonusLineDoc>): BonusLineDoc {
  const dealId = new Types.ObjectId();
  return {
    _id: `${String(dealId)}:${input.kind}`,
    teamId: input.team,
    managerId: input.manager,
    clientId: input.client,
    dealId,
    kind: input.kind,
    rateBp: input.kind === "acquisition" ? null : 200,
    amountMinor: input.amountMinor ?? 200_000,
    status: input.status ?? "payable",
    payableMonth: input.month,
    releaseAt: input.releaseAt ?? null,
    dealAt: input.dealAt ?? new Date("2026-01-10T00:00:00Z"),
    reason: input.reason ?? null,
    resolvedAt: input.resolvedAt ?? null,
    resolvedBy: input.resolvedBy ?? null,
    noticePending: input.noticePending ?? false,
    voidedAt: null,
    createdAt: new Date("2026-01-10T00:00:00Z"),
  };
}

describe("holdback notices", () => {
  it("a notice that hits a 429 with a long retry_after stays pending, and the job's retry sends only the missing part", async () => {
    const { team, manager } = await teamWithManager(7101, 7100);
    // Sixty clients with long names: the notice is longer than one Telegram message.
    const clients = await seedClients(team._id, manager._id, Array.from({ length: 60 }, (_, i) => `Client with a rather long company name, number ${String(i).padStart(2, "0")}`));
    const sweepId = "sweep-429";
    await BonusLine.insertMany(
      clients.map((c, i) =>
        line({
          team: team._id,
          manager: manager._id,
          client: c._id,
          kind: "uplift",
          month: "2026-04",
          status: i % 4 === 0 ? "forfeited" : "released",
          reason: i % 4 === 0 ? "client-lost" : "retained",
          releaseAt: new Date("2026-04-10T00:00:00Z"),
          resolvedAt: clock.now(),
          resolvedBy: sweepId,
          noticePending: true,
        }),
      ),
    );
    const data = { sweepId, managerId: String(manager._id) };
    const key = `bonus.holdback:${sweepId}:${String(manager._id)}`;
    const job = holdbackNoticeJob(deps);
    const since = fake.nextCallIndex;

    throttleAfterFirst("sendMessage", 7101);
    await expect(run(job, data)).rejects.toBeInstanceOf(DeliveryDeferred);
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "pending", partsSent: 1 });
    expect(await BonusLine.countDocuments({ resolvedBy: sweepId, noticePending: true })).toBe(60); // not done yet

    await run(job, data); // the job's retry
    const calls = sent("sendMessage", 7101, since);
    expect(calls.map((c) => c.response.ok)).toEqual([true, false, true]);
    const delivered = calls.filter((c) => c.response.ok).map((c) => String(c.payload.text));
    expect(new Set(delivered).size).toBe(2); // two different parts, none twice
    const whole = delivered.join("\n");
    expect(whole.startsWith("💸 Holdback ended:")).toBe(true);
    for (const c of clients) expect(whole).toContain(c.name);
    expect((whole.match(/Forfeited €2,000\.00 for .* \(client lost\)/g) ?? []).length).toBe(15);
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "sent", partsSent: 2 });
    expect(await BonusLine.countDocuments({ resolvedBy: sweepId, noticePending: true })).toBe(0);

    // A duplicate run (a second worker, a re-published job) sends nothing more.
    const after = fake.nextCallIndex;
    await run(job, data);
    expect(sent("sendMessage", 7101, after)).toEqual([]);
  });

  it("closes the notice of a manager who left the team without sending anything", async () => {
    const { team, manager } = await teamWithManager(7111, 7110);
    const [client] = await seedClients(team._id, manager._id, ["Left Behind Ltd"]);
    await BonusLine.insertMany([
      line({ team: team._id, manager: manager._id, client: client!._id, kind: "uplift", month: "2026-04", status: "released", reason: "retained", resolvedBy: "sweep-gone", noticePending: true }),
    ]);
    await Member.updateOne({ _id: manager._id }, { $set: { active: false } });
    const since = fake.nextCallIndex;
    await run(holdbackNoticeJob(deps), { sweepId: "sweep-gone", managerId: String(manager._id) });
    expect(sent("sendMessage", 7111, since)).toEqual([]);
    expect(await BonusLine.countDocuments({ resolvedBy: "sweep-gone", noticePending: true })).toBe(0);
  });

  it("the clock resolves due uplifts and publishes one notice job per sweep and manager", async () => {
    const { team, manager } = await teamWithManager(7121, 7120);
    const [client] = await seedClients(team._id, manager._id, ["Clocked Co"]);
    await BonusLine.insertMany([
      line({ team: team._id, manager: manager._id, client: client!._id, kind: "uplift", month: "2026-04", status: "held", releaseAt: new Date("2026-04-01T00:00:00Z") }),
    ]);
    published.length = 0;
    await bonusClock(deps).sweep!(clock.now());
    const resolved = await BonusLine.findOne({ clientId: client!._id }).lean();
    expect(resolved).toMatchObject({ status: "released", noticePending: true });
    expect(published).toContainEqual({ name: "bonus.holdback-notice", data: { sweepId: resolved!.resolvedBy, managerId: String(manager._id) } });
  });
});

describe("monthly statements", () => {
  it("a director's CSV deferred by a 429 is sent by the retry; managers' statements are not sent again", async () => {
    const { team, director, manager } = await teamWithManager(7131, 7130);
    const clients = await seedClients(team._id, manager._id, ["Alpha Statement", "Beta Statement"]);
    await BonusLine.insertMany([
      line({ team: team._id, manager: manager._id, client: clients[0]!._id, kind: "base", month: "2026-03", amountMinor: 100_000 }),
      line({ team: team._id, manager: manager._id, client: clients[1]!._id, kind: "acquisition", month: "2026-03", amountMinor: 50_000 }),
    ]);
    const data = { teamId: String(team._id), month: "2026-03" };
    const job = statementsJob(deps);
    const since = fake.nextCallIndex;
    fake.failNext("sendDocument", FakeBotApi.errors.tooManyRequests(3600), { chatId: 7130 });

    await expect(run(job, data)).rejects.toBeInstanceOf(DeliveryDeferred);
    expect(sent("sendMessage", 7131, since)).toHaveLength(1);
    expect(await Delivery.findById(`statement:${data.teamId}:2026-03:${String(director._id)}`).lean()).toMatchObject({ status: "pending", partsSent: 0 });

    await run(job, data);
    const managerCalls = sent("sendMessage", 7131, since);
    expect(managerCalls).toHaveLength(1);
    expect(String(managerCalls[0]!.payload.text)).toMatch(/Bonus statement for March 2026[\s\S]*Payable: €1,500\.00/);
    const documents = sent("sendDocument", 7130, since);
    expect(documents.map((c) => c.response.ok)).toEqual([false, true]);
    const csv = documents[1]!;
    expect(String(csv.payload.caption)).toMatch(/Team bonuses for March 2026[\s\S]*Long Notice Manager: payable €1,500\.00[\s\S]*📎 All bonus lines for March 2026/);
    expect(csv.files!.document!.filename).toBe("bonus-2026-03.csv");
    const rows = parse<Record<string, string>>(csv.files!.document!.content.toString("utf8"), { columns: true, bom: true });
    expect(rows.map((r) => [r.client, r.kind, r.amount])).toEqual([
      ["Alpha Statement", "base", "1000.00"],
      ["Beta Statement", "acquisition", "500.00"],
    ]);

    const after = fake.nextCallIndex;
    await run(job, data);
    expect(fake.callsSince(after).filter((c) => c.method.startsWith("send"))).toEqual([]);
  });

  it("are due from the digest hour on the 1st in the team's time, for last month, and not for a team created after it", async () => {
    const team = (await Team.findOne({}).lean())!;
    const at = (iso: string, createdAt = new Date("2025-01-01")) => statementMonthDue({ ...team, createdAt }, new Date(iso));
    expect(at("2026-05-01T05:59:00Z")).toBeNull(); // 08:59 in Moscow
    expect(at("2026-05-01T06:00:00Z")).toBe("2026-04");
    expect(at("2026-05-20T06:00:00Z")).toBe("2026-04"); // workers were down: still due (the job is unique per team and month)
    expect(at("2026-05-01T06:00:00Z", new Date("2026-05-01T07:00:00Z"))).toBeNull();
  });
});

describe("deal events", () => {
  it("all three deal events are consumed by the same idempotent handler", () => {
    expect(dealEventJobs(deps).map((j) => j.name)).toEqual(["deal.recorded", "deal.corrected", "deal.deleted"]);
  });
});

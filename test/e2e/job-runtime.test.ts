import type { Agenda, Job } from "agenda";
import mongoose from "mongoose";
import { afterEach, describe, expect, it } from "vitest";
import { createAgenda } from "../../jobs/runtime/agenda.js";
import { defineJob, logJobFailures, registerJob, type JobDefinition } from "../../jobs/runtime/define-job.js";
import { agendaQueue } from "../../jobs/runtime/queue.js";
import { createLogger } from "../../src/logger.js";
import { DeliveryDeferred } from "../../src/outbound/errors.js";
import { InvalidJobData, type JobName } from "../../src/queue/catalog.js";
import { LogCapture } from "../support/app.js";
import { useTestDatabase } from "../support/db.js";

/**
 * The jobs runtime (jobs/runtime/define-job.ts) on real Agenda workers and a
 * real database. Test jobs reuse catalog names ("outbound.retry" takes
 * `{ key }`, "team.clock" takes `{}`) with handlers of their own, each on
 * fresh Agenda instances over a cleared job collection.
 */
useTestDatabase("jobruntime");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const db = () => mongoose.connection.db!;

interface Worker {
  agenda: Agenda;
  logs: LogCapture;
  errors: Error[];
}

const started: Agenda[] = [];
afterEach(async () => {
  for (const agenda of started.splice(0)) await agenda.stop().catch(() => undefined);
  await db().collection("agendaJobs").deleteMany({});
});

/** A worker process: its own Agenda with the given definitions, failure logging on, started. */
async function worker(...definitions: JobDefinition<JobName>[]): Promise<Worker> {
  const logs = new LogCapture();
  const logger = createLogger({ level: "debug", destination: logs });
  const agenda = createAgenda(db(), 100);
  await agenda.ready;
  const errors: Error[] = [];
  agenda.on("error", (err: Error) => errors.push(err));
  logJobFailures(agenda, logger);
  for (const definition of definitions) registerJob(agenda, logger, definition);
  await agenda.start();
  started.push(agenda);
  return { agenda, logs, errors };
}

async function jobDoc(name: string) {
  return db().collection("agendaJobs").findOne({ name });
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await sleep(50);
  }
}

describe("jobs runtime", () => {
  it("logs an invalid payload with the job's name and id, never runs the handler, and does not retry", async () => {
    const runs: unknown[] = [];
    const gaveUp: unknown[] = [];
    const w = await worker(
      defineJob({
        name: "outbound.retry",
        retry: { delayMs: 100, maxRetries: 5 },
        run: async ({ data }) => void runs.push(data),
        onGiveUp: async (data) => void gaveUp.push(data),
      }),
    );
    // Written by an older deploy (or by hand): the catalog's schema refuses it.
    const job = await w.agenda.create("outbound.retry", { key: 42 }).save();
    await until(() => w.logs.lines.some((l) => l.msg === "job gave up after its retries"));
    await sleep(600); // several backoff periods: nothing runs again

    expect(runs).toEqual([]);
    expect(gaveUp).toEqual([]);
    const failed = w.logs.lines.filter((l) => l.msg === "job failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ level: 50, job: "outbound.retry", jobId: String(job.attrs._id), data: { key: 42 }, failCount: 1 });
    expect((failed[0]!.err as { message: string }).message).toMatch(/invalid payload for job outbound.retry: key/);
    const doc = await jobDoc("outbound.retry");
    expect(doc).toMatchObject({ failCount: 1, nextRunAt: null });
    expect(doc!.failReason).toMatch(/invalid payload/);
  });

  it("refuses an invalid payload before it is stored", async () => {
    const w = await worker();
    const jobs = agendaQueue(w.agenda);
    await expect(jobs.enqueue("outbound.retry", { key: "" })).rejects.toBeInstanceOf(InvalidJobData);
    await expect(jobs.schedule("export.csv", new Date(), { exportId: "nope", teamId: "nope", kind: "clients", chatId: 1 })).rejects.toThrow(/exportId|teamId/);
    expect(await db().collection("agendaJobs").countDocuments()).toBe(0);
  });

  it("logs a failing job with its name, id and error (Agenda's fail event), and gives up at once when retry is false", async () => {
    const gaveUp: [unknown, string][] = [];
    const w = await worker(
      defineJob({
        name: "team.clock",
        retry: false,
        run: async () => {
          throw new Error("boom");
        },
        onGiveUp: async (data, error) => void gaveUp.push([data, error.message]),
      }),
    );
    const job = await w.agenda.now("team.clock", {});
    await until(() => gaveUp.length > 0);
    await sleep(400);
    const failed = w.logs.lines.filter((l) => l.msg === "job failed");
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ job: "team.clock", jobId: String(job.attrs._id), err: { message: "boom" } });
    expect(gaveUp).toEqual([[{}, "boom"]]);
    expect((await jobDoc("team.clock"))!.failCount).toBe(1);
  });

  it("retries with backoff and calls onGiveUp once, after the last attempt", async () => {
    const attempts: number[] = [];
    const times: number[] = [];
    const gaveUp: [unknown, string][] = [];
    const w = await worker(
      defineJob({
        name: "outbound.retry",
        retry: { delayMs: 200, maxRetries: 2 },
        run: async ({ attempt, log }) => {
          attempts.push(attempt);
          times.push(Date.now());
          log.info("trying");
          throw new Error(`attempt ${attempt} failed`);
        },
        onGiveUp: async (data, error) => void gaveUp.push([data, error.message]),
      }),
    );
    const jobs = agendaQueue(w.agenda);
    await jobs.enqueue("outbound.retry", { key: "k1" });
    await until(() => gaveUp.length > 0);
    await sleep(1000);

    expect(attempts).toEqual([1, 2, 3]);
    expect(gaveUp).toEqual([[{ key: "k1" }, "attempt 3 failed"]]);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(200); // 200 ms, then 400 ms
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(400);
    expect(w.logs.lines.filter((l) => l.msg === "job failed").map((l) => l.failCount)).toEqual([1, 2, 3]);
    expect(w.logs.lines.filter((l) => l.msg === "job gave up after its retries")).toHaveLength(1);
    // The handler's logger carries the job's ids.
    const trying = w.logs.lines.filter((l) => l.msg === "trying");
    expect(trying.map((l) => l.attempt)).toEqual([1, 2, 3]);
    expect(new Set(trying.map((l) => l.jobId)).size).toBe(1);
    expect(trying[0]).toMatchObject({ job: "outbound.retry", jobId: expect.stringMatching(/^[0-9a-f]{24}$/) });
  });

  it("never retries a deferred message before Telegram's retry_after, and logs it as a deferral, not an error", async () => {
    const times: number[] = [];
    let retryAt = 0;
    const w = await worker(
      defineJob({
        name: "outbound.retry",
        retry: { delayMs: 100, maxRetries: 5 },
        run: async () => {
          times.push(Date.now());
          if (times.length === 1) {
            retryAt = Date.now() + 2500;
            throw new DeliveryDeferred("429 retry after 3 s", new Date(retryAt));
          }
          if (times.length === 2) throw new DeliveryDeferred("500 Internal Server Error", new Date(Date.now() - 1000)); // retryAt passed: the backoff decides
        },
      }),
    );
    await agendaQueue(w.agenda).enqueue("outbound.retry", { key: "k2" });
    await until(() => times.length >= 3, 15_000);
    expect(times[1]!).toBeGreaterThanOrEqual(retryAt); // not after 100 ms
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(200); // exponential: second retry waits 2 × 100 ms
    expect(times[2]! - times[1]!).toBeLessThan(2000);
    const deferred = w.logs.lines.filter((l) => l.msg === "job deferred a message; it will retry");
    expect(deferred.map((l) => l.reason)).toEqual(["429 retry after 3 s", "500 Internal Server Error"]);
    expect(deferred[0]).toMatchObject({ level: 40, job: "outbound.retry", jobId: expect.any(String) });
    expect(w.logs.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
  });

  it("renews the lock of a job running longer than its lock lifetime: not expired, not started by another worker", async () => {
    const starts: string[] = [];
    let finished = 0;
    const slow = (who: string) =>
      defineJob({
        name: "team.clock",
        retry: false,
        lockLifetimeMs: 2000,
        run: async () => {
          starts.push(who);
          // Not a multiple of Agenda's 1 s liveness check: a check that lands while Agenda itself is
          // saving the finished job (lockedAt just cleared) reports "no lockedAt date found", an
          // Agenda race at completion that has nothing to do with renewal.
          await sleep(5300);
          finished++;
        },
      });
    const a = await worker(slow("a"));
    const b = await worker(slow("b"));
    await a.agenda.now("team.clock", {});
    await until(() => starts.length === 1);
    const lockedAtStart = (await jobDoc("team.clock"))!.lockedAt as Date;
    await sleep(3000); // past the 2 s lifetime
    const lockedAtLater = (await jobDoc("team.clock"))!.lockedAt as Date;
    expect(lockedAtLater.getTime()).toBeGreaterThan(lockedAtStart.getTime() + 1000);
    await until(() => finished === 1, 10_000);
    await sleep(500);

    expect(starts).toHaveLength(1);
    expect(finished).toBe(1);
    for (const w of [a, b]) {
      expect(w.errors.map((e) => e.message)).toEqual([]);
      expect(w.logs.lines.filter((l) => (l.level as number) >= 40)).toEqual([]);
    }
    const doc = await jobDoc("team.clock");
    expect(doc).toMatchObject({ lockedAt: null });
    expect(doc!.failCount ?? 0).toBe(0);
  });

  it("(control) without renewal, Agenda does expire such a job and a second worker starts it", async () => {
    // The same job defined on Agenda directly, not through registerJob: shows the test above can fail.
    const starts: string[] = [];
    const errors: Error[] = [];
    const raw = async (who: string) => {
      const agenda = createAgenda(db(), 100);
      await agenda.ready;
      agenda.on("error", (err: Error) => errors.push(err));
      agenda.define(
        "team.clock",
        async (_job: Job<unknown>) => {
          starts.push(who);
          await sleep(5000);
        },
        { lockLifetime: 2000 },
      );
      await agenda.start();
      started.push(agenda);
      return agenda;
    };
    const a = await raw("a");
    await raw("b");
    await a.now("team.clock", {});
    await until(() => starts.length >= 2 || errors.length > 0, 8000);
    expect(errors.some((e) => /took more than 2000ms/.test(e.message)) || starts.length >= 2).toBe(true);
  });
});

import type { Agenda, BackoffStrategy, Job } from "agenda";
import { DeliveryDeferred } from "../../src/outbound/errors.js";
import { InvalidJobData, parseJobData, type JobData, type JobName } from "../../src/queue/catalog.js";
import type { Logger } from "../../src/logger.js";

/** What a handler gets: its validated payload, a logger with the job's ids, and the lock. */
export interface JobRun<N extends JobName> {
  data: JobData<N>;
  log: Logger;
  /** 1 on the first run, 2 on the first retry… */
  attempt: number;
  /** Renews the lock now (it is also renewed automatically while the handler runs); throws if the job was cancelled. */
  touch(): Promise<void>;
}

export interface JobDefinition<N extends JobName> {
  name: N;
  run(job: JobRun<N>): Promise<void>;
  /** Exponential backoff after a failure; `false`: a failure is final. Default: 5 retries from 30 s. */
  retry?: { delayMs: number; maxRetries: number } | false;
  /**
   * How long a silent worker keeps the job: a worker killed mid-job is replaced
   * after this long. The lock is renewed every quarter of it while the handler
   * runs, so long jobs keep it. Default 90 s.
   */
  lockLifetimeMs?: number;
  concurrency?: number;
  /** Called once when the job gives up (its last attempt failed): tell whoever asked, and what to do. */
  onGiveUp?(data: JobData<N>, error: Error): Promise<void>;
}

/**
 * Thrown by a handler when trying again cannot help (Telegram refused a file
 * for good): the job gives up now, without retries, and `onGiveUp` runs.
 */
export class JobGiveUp extends Error {
  constructor(message: string) {
    super(message);
    this.name = "JobGiveUp";
  }
}

/** Declares a job with its payload type inferred from the catalog. */
export function defineJob<N extends JobName>(definition: JobDefinition<N>): JobDefinition<N> {
  return definition;
}

const DEFAULT_RETRY = { delayMs: 30_000, maxRetries: 5 };
const DEFAULT_LOCK_MS = 90_000;
const MAX_RETRY_DELAY_MS = 30 * 60 * 1000;

/**
 * Registers a job on Agenda: validates the stored payload (an invalid one is
 * logged and not retried), renews the lock while the handler runs, retries
 * with backoff (never earlier than Telegram's `retry_after` for a deferred
 * message), and calls `onGiveUp` after the last attempt.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of definitions of different job names
export function registerJob(agenda: Agenda, logger: Logger, definition: JobDefinition<any>): void {
  const { name } = definition;
  const retry = definition.retry === undefined ? DEFAULT_RETRY : definition.retry;
  const lockLifetime = definition.lockLifetimeMs ?? DEFAULT_LOCK_MS;

  agenda.define(
    name,
    async (job: Job<unknown>) => {
      const attempt = (job.attrs.failCount ?? 0) + 1;
      const log = logger.child({ job: name, jobId: String(job.attrs._id), attempt });
      const data = parseJobData(name, job.attrs.data);
      const heartbeat = setInterval(() => {
        job.touch().catch((err: unknown) => log.warn({ err }, "could not renew the job's lock"));
      }, lockLifetime / 4);
      heartbeat.unref();
      try {
        await definition.run({ data, log, attempt, touch: () => job.touch() });
      } catch (err) {
        const lastAttempt = retry === false || attempt > retry.maxRetries || err instanceof InvalidJobData || err instanceof JobGiveUp;
        if (lastAttempt && definition.onGiveUp) {
          await definition.onGiveUp(data, err as Error).catch((e: unknown) => log.error({ err: e }, "could not report the job's failure"));
        }
        throw err;
      } finally {
        clearInterval(heartbeat);
      }
    },
    {
      lockLifetime,
      ...(definition.concurrency ? { concurrency: definition.concurrency } : {}),
      ...(retry === false ? {} : { backoff: backoff(retry) }),
    },
  );
}

function backoff(retry: { delayMs: number; maxRetries: number }): BackoffStrategy {
  return ({ attempt, error }) => {
    if (error instanceof InvalidJobData || error instanceof JobGiveUp || attempt > retry.maxRetries) return null;
    const exponential = Math.min(retry.delayMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
    const asked = error instanceof DeliveryDeferred ? error.retryAt.getTime() - Date.now() : 0;
    return Math.max(exponential, asked);
  };
}

/**
 * Failures reach the log with the job's name, ids and payload ids; Agenda emits
 * them as events and logs nothing without a listener.
 */
export function logJobFailures(agenda: Agenda, logger: Logger): void {
  agenda.on("fail", (error: Error, job: Job<unknown>) => {
    const ids = { job: job.attrs.name, jobId: String(job.attrs._id), failCount: job.attrs.failCount, data: job.attrs.data };
    // Telegram asked to wait (or failed): the message is pending and the retry is planned. Expected, not an error.
    if (error instanceof DeliveryDeferred) logger.warn({ ...ids, reason: error.reason, retryAt: error.retryAt }, "job deferred a message; it will retry");
    else logger.error({ ...ids, err: error }, "job failed");
  });
  agenda.on("retry exhausted", (error: Error, job: Job<unknown>) => {
    logger.error({ job: job.attrs.name, jobId: String(job.attrs._id), failCount: job.attrs.failCount, err: error }, "job gave up after its retries");
  });
  agenda.on("error", (error: Error) => logger.error({ err: error }, "job system error"));
}

import type { JobData, JobName } from "./catalog.js";

/**
 * How use cases hand work to a worker. Backed by Agenda (jobs/runtime/queue.ts);
 * a bot instance publishes jobs even when it runs no worker. Payloads are
 * validated against the catalog before they are stored.
 */
export interface JobQueue {
  /**
   * Runs as soon as a worker is free. A job the catalog marks unique (e.g. a
   * rotation run by run id) exists at most once per key: publishing it again
   * does nothing, even after it ran.
   */
  enqueue<N extends JobName>(name: N, data: JobData<N>): Promise<void>;
  /** Runs at `at`. There is one job per catalog key: scheduling again moves it (a snoozed reminder). */
  schedule<N extends JobName>(name: N, at: Date, data: JobData<N>): Promise<void>;
}

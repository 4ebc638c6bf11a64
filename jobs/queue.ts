/**
 * What the bot process needs from the job system: hand work to a worker,
 * now or at a time. Backed by Agenda; a bot instance enqueues even when it
 * runs no worker.
 */
export interface JobQueue {
  enqueue<D extends Record<string, unknown>>(name: string, data: D): Promise<void>;
  /** Runs at `at`. With a `uniqueKey`, a job of that name and key is created once (re-scheduling moves it). */
  schedule<D extends Record<string, unknown>>(name: string, at: Date, data: D, uniqueKey?: Record<string, unknown>): Promise<void>;
}

/**
 * What the bot process needs from the job system: hand work to a worker,
 * now or at a time. Backed by Agenda; a bot instance enqueues even when it
 * runs no worker.
 */
export interface JobQueue {
  /**
   * Runs as soon as a worker is free. With `once`, there is at most one job
   * of that name and key ever (an event, or a run of a team and period):
   * enqueueing it again does nothing.
   */
  enqueue<D extends Record<string, unknown>>(name: string, data: D, once?: Record<string, unknown>): Promise<void>;
  /** Runs at `at`. There is one job of that name and key: scheduling again moves it (a snoozed reminder). */
  schedule<D extends Record<string, unknown>>(name: string, at: Date, data: D, key: Record<string, unknown>): Promise<void>;
}

/**
 * What the bot process needs from the job system: hand work to a worker,
 * now or at a time. Backed by Agenda; a bot instance enqueues even when it
 * runs no worker.
 */
export interface JobQueue {
  enqueue<D extends Record<string, unknown>>(name: string, data: D): Promise<void>;
  /**
   * Runs at `at`. With a `uniqueKey` there is one job of that name and key:
   * scheduling again moves it (a snoozed reminder), or with `once` leaves the
   * existing job alone (an event or a run that must happen a single time).
   */
  schedule<D extends Record<string, unknown>>(
    name: string,
    at: Date,
    data: D,
    uniqueKey?: Record<string, unknown>,
    opts?: { once?: boolean },
  ): Promise<void>;
}

/**
 * What the bot process needs from the job system: hand work to a worker.
 * Backed by Agenda; a bot instance enqueues even when it runs no worker.
 */
export interface JobQueue {
  enqueue<D extends Record<string, unknown>>(name: string, data: D): Promise<void>;
}

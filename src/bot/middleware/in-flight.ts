import type { Context, NextFunction } from "grammy";

/**
 * Counts updates being handled so shutdown can wait for them. The runner's
 * stop() only ends fetching, and a webhook may already have answered
 * Telegram; neither waits for a handler still writing to the database.
 */
export class InFlightUpdates {
  private count = 0;
  private idle: (() => void)[] = [];

  readonly middleware = async (_ctx: Context, next: NextFunction): Promise<void> => {
    this.count++;
    try {
      await next();
    } finally {
      if (--this.count === 0) for (const resolve of this.idle.splice(0)) resolve();
    }
  };

  get size(): number {
    return this.count;
  }

  /** Resolves once nothing is running, or after `timeoutMs` (returns false then). */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

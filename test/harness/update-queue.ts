// The getUpdates side of the fake Bot API: Telegram's queue of unconfirmed
// updates, long polling, confirmation by offset and allowed_updates.
import type { Update } from 'grammy/types';
import { realClearTimeout, realNow, realSetImmediate, realSetTimeout } from './real-timers.js';

interface QueuedUpdate {
  update: Update;
  /** pushRawUpdate: deliver once even if its update_id was already confirmed. */
  forced: boolean;
  /** Withheld from other pollers until then (see FakeBotApiOptions.leaseMs). */
  leasedUntil: number;
}

interface Waiter {
  offset: number;
  limit: number;
  finish: (updates: Update[]) => void;
}

export interface PollParams {
  offset?: unknown;
  limit?: unknown;
  timeout?: unknown;
  allowed_updates?: unknown;
}

// Updates Telegram only sends when listed in allowed_updates explicitly.
const OPT_IN_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export class UpdateQueue {
  /** Every update handed out by poll(), in order. */
  readonly delivered: Update[] = [];
  private entries: QueuedUpdate[] = [];
  private nextId = 1;
  private allowedUpdates: string[] = [];
  private readonly waiters = new Set<Waiter>();
  private closed = false;

  constructor(private readonly leaseMs: number) {}

  get pending(): Update[] {
    return this.entries.map((q) => q.update);
  }

  /** The update_id the next new update gets. */
  get nextUpdateId(): number {
    return this.nextId;
  }

  /** Keeps update_ids increasing after an id was used elsewhere (raw pushes, webhook deliveries). */
  noteId(updateId: number): void {
    this.nextId = Math.max(this.nextId, updateId + 1);
  }

  push(update: Update, forced: boolean): void {
    this.noteId(update.update_id);
    this.entries.push({ update, forced, leasedUntil: 0 });
    this.wakeWaiters();
  }

  /** drop_pending_updates. */
  clear(): void {
    this.entries = [];
  }

  expireLeases(): void {
    for (const q of this.entries) q.leasedUntil = 0;
    this.wakeWaiters();
  }

  /** Answers held polls with no updates; later polls return at once. */
  close(): void {
    this.closed = true;
    for (const waiter of [...this.waiters]) waiter.finish([]);
  }

  /**
   * getUpdates: confirms by offset, answers at once with what is queued, or
   * holds the request until updates arrive, `timeout` seconds pass, the client
   * gives up (grammY aborts on bot.stop()) or the queue is closed.
   */
  poll(p: PollParams, signal: AbortSignal): Update[] | Promise<Update[]> {
    if (Array.isArray(p.allowed_updates)) this.allowedUpdates = p.allowed_updates as string[];
    const offset = Number(p.offset ?? 0);
    const limit = Math.min(Math.max(Number(p.limit ?? 100), 1), 100);
    const timeout = Math.min(Math.max(Number(p.timeout ?? 0), 0), 50);
    this.confirm(offset);
    const ready = this.take(offset, limit);
    if (ready.length > 0 || timeout === 0 || this.closed) return ready;
    return new Promise((resolve) => {
      const waiter: Waiter = {
        offset,
        limit,
        finish: (updates) => {
          realClearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
          this.waiters.delete(waiter);
          resolve(updates);
        },
      };
      const onAbort = () => waiter.finish([]);
      const timer = realSetTimeout(() => waiter.finish([]), timeout * 1000);
      signal.addEventListener('abort', onAbort);
      this.waiters.add(waiter);
    });
  }

  private wakeWaiters(): void {
    // Deferred so updates pushed in one synchronous burst arrive as one batch.
    realSetImmediate(() => {
      for (const waiter of [...this.waiters]) {
        const batch = this.take(waiter.offset, waiter.limit);
        if (batch.length > 0) waiter.finish(batch);
      }
    });
  }

  /** Offset confirms (drops) every earlier update; a negative offset keeps only the last -offset ones. */
  private confirm(offset: number): void {
    if (offset > 0) this.entries = this.entries.filter((q) => q.update.update_id >= offset || q.forced);
    else if (offset < 0) this.entries = this.entries.slice(offset);
  }

  private take(offset: number, limit: number): Update[] {
    const batch: Update[] = [];
    const now = realNow();
    for (const q of this.entries) {
      if (batch.length >= limit) break;
      if (q.leasedUntil > now || (!q.forced && q.update.update_id < offset)) continue;
      if (!this.isAllowed(q.update)) continue;
      q.leasedUntil = now + this.leaseMs;
      // Delivered once: from now on a confirming offset may drop it.
      q.forced = false;
      batch.push(q.update);
    }
    this.delivered.push(...batch);
    return batch;
  }

  private isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((k) => k !== 'update_id') ?? '';
    return this.allowedUpdates.length === 0 ? !OPT_IN_UPDATES.has(type) : this.allowedUpdates.includes(type);
  }
}

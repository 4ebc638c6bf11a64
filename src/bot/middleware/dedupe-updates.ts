import type { Context, NextFunction } from "grammy";
import { ProcessedUpdate } from "../../db/processed-update.model.js";
import type { Logger } from "../../logger.js";
import { isDuplicateKeyError } from "../../shared/mongo-errors.js";

/**
 * Drops a second delivery of the same update id. At-most-once is deliberate:
 * a deal logged twice is worse than a retry by hand.
 *
 * - `database` (webhooks): Telegram re-posts an update that was answered
 *   slowly, possibly to another instance, so the id is claimed in MongoDB
 *   (unique `_id`) before handling.
 * - `memory` (long polling): one poller gets each update once and the runner
 *   confirms offsets as it fetches, so a copy can only come from the same
 *   process; a bounded set of recent ids catches it without a write per update.
 */
export function dedupeUpdates(logger: Logger, store: "database" | "memory") {
  const recent = new Set<number>();
  const MEMORY = 10_000;
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const id = ctx.update.update_id;
    if (store === "memory") {
      if (recent.has(id)) return logger.info({ updateId: id }, "duplicate update dropped");
      recent.add(id);
      if (recent.size > MEMORY) recent.delete(recent.values().next().value!);
      return next();
    }
    try {
      await ProcessedUpdate.create({ _id: id, at: new Date() });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      logger.info({ updateId: id }, "duplicate update dropped");
      return;
    }
    await next();
  };
}

import type { Context, NextFunction } from "grammy";
import { ProcessedUpdate } from "../../db/processed-update.model.js";
import type { Logger } from "../../logger.js";
import { isDuplicateKeyError } from "../../shared/mongo-errors.js";

/**
 * Claims the update id before handling it; a second delivery of the same id
 * (webhook retry, another instance) fails on the unique _id and is dropped.
 * At-most-once is deliberate: a deal logged twice is worse than a retry by hand.
 */
export function dedupeUpdates(logger: Logger) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    try {
      await ProcessedUpdate.create({ _id: ctx.update.update_id, at: new Date() });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      logger.info({ updateId: ctx.update.update_id }, "duplicate update dropped");
      return;
    }
    await next();
  };
}

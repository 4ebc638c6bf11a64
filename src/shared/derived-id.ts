import { createHash } from "node:crypto";
import { Types } from "mongoose";

/**
 * An ObjectId derived from a stable text (e.g. run id + client id): writing
 * "the same" document twice, after a crash or on two workers, hits the same
 * _id and so upserts instead of duplicating.
 */
export function derivedObjectId(...parts: string[]): Types.ObjectId {
  return new Types.ObjectId(createHash("sha1").update(parts.join("\u0000")).digest("hex").slice(0, 24));
}

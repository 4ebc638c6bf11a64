import { Schema, model } from "mongoose";
import { isDuplicateKeyError } from "../shared/mongo-errors.js";

/**
 * "This message for this period was sent": a document per key (e.g.
 * `statement:<team>:<month>:<member>`), inserted before sending. The unique
 * _id lets one worker win; a second run, or a second worker, skips it.
 */
interface ClaimDoc {
  _id: string;
  at: Date;
}

const claimSchema = new Schema<ClaimDoc>({ _id: { type: String, required: true }, at: { type: Date, required: true } }, { versionKey: false });
export const DeliveryClaim = model<ClaimDoc>("DeliveryClaim", claimSchema);

export async function claimOnce(key: string, at: Date): Promise<boolean> {
  try {
    await DeliveryClaim.create({ _id: key, at });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

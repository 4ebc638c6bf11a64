import { Schema, model } from "mongoose";

/**
 * One document per Telegram update id the bot has taken on. The unique `_id`
 * is what makes a redelivered update (webhook retry, two instances polling
 * after a failover) run once across every bot instance.
 */
export interface ProcessedUpdateDoc {
  _id: number;
  at: Date;
}

const processedUpdateSchema = new Schema<ProcessedUpdateDoc>(
  { _id: { type: Number, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
// Telegram never redelivers after a day; real MongoDB drops older markers.
processedUpdateSchema.index({ at: 1 }, { expireAfterSeconds: 24 * 3600 });

export const ProcessedUpdate = model<ProcessedUpdateDoc>("ProcessedUpdate", processedUpdateSchema);

import { backoffStrategies, type Agenda } from "agenda";
import { Types } from "mongoose";
import { accrueDealLines } from "../src/bonuses/accrual.js";
import { DEAL_RECORDED, type DealRecordedData } from "../src/deals/events.js";
import type { JobDeps } from "./runtime/deps.js";

/** The bonus engine's consumer of "deal recorded": the deal's lines, written once. */
export function defineBonusAccrual(agenda: Agenda, deps: JobDeps): void {
  agenda.define<DealRecordedData>(
    DEAL_RECORDED,
    async (job) => {
      await accrueDealLines(new Types.ObjectId(job.attrs.data.dealId), deps.clock.now());
    },
    // Retried on failure; the team clock also accrues any deal still without lines.
    { backoff: backoffStrategies.exponential({ delay: 10_000, maxRetries: 3 }) },
  );
}

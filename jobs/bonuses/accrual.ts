import { syncDealLines } from "../../src/bonuses/accrual.js";
import { defineJob, type JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";

/** Retried on failure; the team clock also brings any deal still waiting up to date. */
const RETRY = { delayMs: 10_000, maxRetries: 3 };

/**
 * The bonus engine's consumers of deal events. Each brings the deal's lines
 * up to the deal as it stands now, so they are idempotent per deal and safe on
 * two workers (one at a time per deal; the other finds nothing left to do).
 */
export function dealEventJobs(deps: JobDeps): JobDefinition<"deal.recorded" | "deal.corrected" | "deal.deleted">[] {
  const sync = async (dealId: string, log: { debug(obj: object, msg: string): void }) => {
    const outcome = await syncDealLines(dealId, deps.clock.now());
    log.debug({ dealId, outcome }, "deal's bonus lines brought up to date");
  };
  return [
    defineJob({ name: "deal.recorded", retry: RETRY, run: ({ data, log }) => sync(data.dealId, log) }),
    defineJob({ name: "deal.corrected", retry: RETRY, run: ({ data, log }) => sync(data.dealId, log) }),
    defineJob({ name: "deal.deleted", retry: RETRY, run: ({ data, log }) => sync(data.dealId, log) }),
  ];
}

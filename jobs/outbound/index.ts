import { DeliveryDeferred } from "../../src/outbound/errors.js";
import { defineJob, type JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";

/**
 * `outbound.retry`: a text message whose first attempt was deferred (Telegram
 * asked to wait, or failed) is sent from its record, without the parts that
 * already arrived. Retried with backoff, never before Telegram's `retry_after`.
 */
export function outboundJobs(deps: JobDeps): JobDefinition<"outbound.retry">[] {
  return [
    defineJob({
      name: "outbound.retry",
      retry: { delayMs: 30_000, maxRetries: 8 },
      async run({ data, log }) {
        const outcome = await deps.outbound.resume(data.key);
        log.debug({ outcome }, "retried delivery");
      },
      // Out of attempts (hours of 429s, 5xx or network trouble): the message is recorded as failed, once.
      async onGiveUp(data, error) {
        await deps.outbound.abandon(data.key, error instanceof DeliveryDeferred ? error.reason : error.message);
      },
    }),
  ];
}


import { Outbound } from "../../src/outbound/outbound.js";
import type { ClockTask } from "../clock/clock-task.js";
import type { JobDeps } from "../runtime/deps.js";

/** A deferred message whose retry job was lost (a crash between the record and the job) is picked up again. */
export function outboundClock(deps: JobDeps): ClockTask {
  return {
    name: "outbound",
    async sweep() {
      const stale = await Outbound.stalePending(new Date(Date.now() - 10 * 60 * 1000));
      for (const key of stale) await deps.jobs.enqueue("outbound.retry", { key });
    },
  };
}

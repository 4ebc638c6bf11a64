import type { JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";
import { rotationRecomputeJob } from "./recompute.js";
import { rotationRunJob } from "./run.js";

export { rotationClock } from "./clock.js";

/**
 * Rotation's jobs: runs (nightly, manual, deactivation handover) and the
 * recompute of due dates after a rule changed. Its share of the team clock
 * (tonight's run, report reminders) is `rotationClock` (./clock.ts).
 */
export function rotationJobs(deps: JobDeps): [JobDefinition<"rotation.run">, JobDefinition<"rotation.recompute-due">] {
  return [rotationRunJob(deps), rotationRecomputeJob(deps)];
}

import type { JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";
import { dealEventJobs } from "./accrual.js";
import { holdbackNoticeJob } from "./holdback.js";
import { statementsJob } from "./statements.js";

/** The bonuses feature's jobs: consumers of deal events, monthly statements, holdback notices. (Its clock task: ./clock.ts.) */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of different job names
export function bonusJobs(deps: JobDeps): JobDefinition<any>[] {
  return [...dealEventJobs(deps), statementsJob(deps), holdbackNoticeJob(deps)];
}

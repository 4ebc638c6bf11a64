import type { JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";
import { followUpReminderJob } from "./follow-up-reminder.js";

/** The clients feature's jobs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of different job names
export function clientJobs(deps: JobDeps): JobDefinition<any>[] {
  return [followUpReminderJob(deps)];
}

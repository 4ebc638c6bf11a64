import type { Agenda } from "agenda";
import { importExportJobs } from "./import-export/index.js";
import { outboundJobs } from "./outbound/index.js";
import { clientJobs } from "./clients/index.js";
import { bonusClock } from "./bonuses/clock.js";
import { bonusJobs } from "./bonuses/index.js";
import { teamClockJob } from "./clock/team-clock.js";
import { outboundClock } from "./outbound/clock.js";
import { rotationClock, rotationJobs } from "./rotation/index.js";
import { logJobFailures, registerJob, type JobDefinition } from "./runtime/define-job.js";
import type { JobDeps } from "./runtime/deps.js";

/** Every job of every feature, by feature. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions of different job names
const FEATURE_JOBS: ((deps: JobDeps) => JobDefinition<any>[])[] = [outboundJobs, clientJobs, bonusJobs, rotationJobs, importExportJobs];

/** Registers every job; the team clock ticks every TEAM_CLOCK_INTERVAL (one job document for all workers). */
export async function defineJobs(agenda: Agenda, deps: JobDeps): Promise<void> {
  logJobFailures(agenda, deps.logger);
  for (const jobsOf of FEATURE_JOBS) for (const definition of jobsOf(deps)) registerJob(agenda, deps.logger, definition);
  registerJob(agenda, deps.logger, teamClockJob(deps, [rotationClock(deps), bonusClock(deps), outboundClock(deps)]));
  await agenda.every(deps.config.TEAM_CLOCK_INTERVAL, "team.clock");
}

import { teamsOnTheClock } from "../../src/teams/clock.js";
import { defineJob, type JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";
import type { ClockTask } from "./clock-task.js";

/**
 * The scheduler: one repeating job (every TEAM_CLOCK_INTERVAL) for all teams.
 * Each feature contributes a task: per team, in the team's own timezone, it
 * publishes what is due (tonight's rotation, last month's statements…); then
 * once per tick it sweeps what a query finds due (report reminders, holdbacks,
 * stale deliveries). A task that fails is logged and does not stop the others.
 */
export function teamClockJob(deps: JobDeps, tasks: readonly ClockTask[]): JobDefinition<"team.clock"> {
  return defineJob({
    name: "team.clock",
    retry: false, // the next tick is the retry
    async run({ log }) {
      const now = deps.clock.now();
      const perTeam = tasks.filter((t) => t.perTeam);
      for await (const team of teamsOnTheClock()) {
        for (const task of perTeam) {
          await task.perTeam!(team, now).catch((err: unknown) => log.error({ err, task: task.name, teamId: String(team._id) }, "clock task failed"));
        }
      }
      for (const task of tasks) {
        if (task.sweep) await task.sweep(now).catch((err: unknown) => log.error({ err, task: task.name }, "clock sweep failed"));
      }
    },
  });
}

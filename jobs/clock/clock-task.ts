import type { ClockTeam } from "../../src/teams/clock.js";

/**
 * One feature's share of the team clock (jobs/clock/team-clock.ts). Whatever a
 * task publishes is keyed by team and period (a run id, a month), so a tick
 * repeated, late, or on two workers starts nothing twice.
 */
export interface ClockTask {
  name: string;
  /** For each team on every tick: publish what is due for it now, in its own timezone. */
  perTeam?(team: ClockTeam, now: Date): Promise<void>;
  /** Once per tick: due work found by a query across teams (reminders, holdbacks…). */
  sweep?(now: Date): Promise<void>;
}

import type { Types } from "mongoose";
import dayjs from "../shared/dayjs.js";
import type { RotationSettings } from "../teams/team-settings.js";
import { nightlyRunId } from "./run-ids.js";

/**
 * When a team's nightly run happens: the one rule used both by the director's
 * preview ("next run 26.11 02:00") and by the team clock that starts the run.
 * Pure: no database, no clock of its own.
 */

/** What the schedule needs to know of a team. */
export interface ScheduledTeam {
  _id: Types.ObjectId | string;
  timezone: string;
  createdAt: Date;
  settings: { rotation: Pick<RotationSettings, "enabled" | "runAt"> };
}

export interface NightlyRun {
  /** The run's id: one per team and local date. */
  runId: string;
  /** The team's local date, YYYY-MM-DD. */
  localDate: string;
  /** The instant of the run hour on that date, team time. */
  at: Date;
}

/** The nightly run of a local date. */
export function nightlyRunOn(team: ScheduledTeam, localDate: string): NightlyRun {
  const at = dayjs.tz(`${localDate}T${team.settings.rotation.runAt}:00`, team.timezone).toDate();
  return { runId: nightlyRunId(team._id, localDate), localDate, at };
}

/** The nightly run that comes next: today's while its hour is ahead, else tomorrow's. */
export function nextNightlyRun(team: ScheduledTeam, now: Date): NightlyRun {
  const local = dayjs(now).tz(team.timezone);
  const today = nightlyRunOn(team, local.format("YYYY-MM-DD"));
  return now < today.at ? today : nightlyRunOn(team, local.add(1, "day").format("YYYY-MM-DD"));
}

/**
 * Today's run when it is due at `now`: rotation is on, the run hour has passed
 * (a late worker still runs it), and the team existed at that hour (a team
 * created after tonight's hour waits for tomorrow's run).
 */
export function nightlyRunDue(team: ScheduledTeam, now: Date): NightlyRun | null {
  if (!team.settings.rotation.enabled) return null;
  const today = nightlyRunOn(team, dayjs(now).tz(team.timezone).format("YYYY-MM-DD"));
  return now >= today.at && team.createdAt <= today.at ? today : null;
}

import type { Types } from "mongoose";
import { Team } from "./team.model.js";
import type { TeamSettings } from "./team-settings.js";

/** What the team clock needs to know of a team to decide what is due. */
export interface ClockTeam {
  _id: Types.ObjectId;
  timezone: string;
  language: string;
  createdAt: Date;
  settings: TeamSettings;
}

/** Every team, streamed (one cursor), for the clock's per-team decisions. */
export async function* teamsOnTheClock(): AsyncGenerator<ClockTeam> {
  yield* Team.find({}, { timezone: 1, language: 1, settings: 1, createdAt: 1 }).lean<ClockTeam[]>().cursor();
}

import type { CountryCode } from "libphonenumber-js";
import type { Types } from "mongoose";
import { Team } from "./team.model.js";
import type { BonusPlan, RotationSettings } from "./team-settings.js";

/** What a conversation needs to know of its team (read once, then replayed from its state). */
export interface TeamFacts {
  timezone: string;
  country: CountryCode;
  currency: string;
  rotation: RotationSettings;
  bonusPlan: BonusPlan;
}

export async function loadTeamFacts(teamId: Types.ObjectId | string): Promise<TeamFacts> {
  const team = await Team.findById(teamId, { timezone: 1, country: 1, currency: 1, settings: 1 }).lean();
  if (!team) throw new Error(`team ${String(teamId)} not found`);
  return {
    timezone: team.timezone,
    country: team.country as CountryCode,
    currency: team.currency,
    rotation: team.settings.rotation,
    bonusPlan: team.settings.bonus,
  };
}

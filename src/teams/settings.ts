import type { Types } from "mongoose";
import { fail, ok, type Result } from "../shared/result.js";
import { Team, type TeamDoc } from "./team.model.js";
import { bonusPlanSchema, rotationSettingsSchema, type TeamSettings } from "./team-settings.js";

const SECTIONS = { rotation: rotationSettingsSchema, bonus: bonusPlanSchema } as const;
type Section = keyof typeof SECTIONS;

/**
 * Changes part of a team's settings after validating the whole resulting
 * section with its schema (so a patch can never leave the team with rules
 * the product does not allow).
 */
export async function updateTeamSettings<S extends Section>(
  teamId: Types.ObjectId,
  section: S,
  patch: Partial<TeamSettings[S]>,
): Promise<Result<TeamDoc, "invalid-setting">> {
  const team = await Team.findById(teamId, { settings: 1 }).lean();
  if (!team) return fail("invalid-setting");
  const parsed = SECTIONS[section].safeParse({ ...team.settings[section], ...patch });
  if (!parsed.success) return fail("invalid-setting");
  const updated = await Team.findOneAndUpdate({ _id: teamId }, { $set: { [`settings.${section}`]: parsed.data } }, { returnDocument: "after" }).lean();
  return updated ? ok(updated) : fail("invalid-setting");
}

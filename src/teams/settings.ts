import type { Types } from "mongoose";
import { fail, ok, type Result } from "../shared/result.js";
import { Team, type TeamDoc } from "./team.model.js";
import { rotationSettingsSchema, type RotationSettings } from "./team-settings.js";

/** Changes rotation settings after validating the whole result with the settings schema. */
export async function updateRotationSettings(teamId: Types.ObjectId, patch: Partial<RotationSettings>): Promise<Result<TeamDoc, "invalid-setting">> {
  const team = await Team.findById(teamId).lean();
  if (!team) return fail("invalid-setting");
  const parsed = rotationSettingsSchema.safeParse({ ...team.settings.rotation, ...patch });
  if (!parsed.success) return fail("invalid-setting");
  const updated = await Team.findOneAndUpdate({ _id: teamId }, { $set: { "settings.rotation": parsed.data } }, { returnDocument: "after" }).lean();
  return updated ? ok(updated) : fail("invalid-setting");
}

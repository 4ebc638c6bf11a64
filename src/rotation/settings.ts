import type { JobQueue } from "../queue/job-queue.js";
import { fail, ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../teams/actor.js";
import { updateTeamSettings } from "../teams/settings.js";
import type { RotationSettings } from "../teams/team-settings.js";
import { isNumericSetting, isToggleSetting, type RotationSettingChange } from "./setting-keys.js";

/**
 * A director changes one rotation rule (a switch or a threshold). The whole
 * resulting section is validated by the settings schema; once saved, every
 * client's stored "rotates on" date is recomputed by the
 * `rotation.recompute-due` job. The one place that rule lives, whether the
 * change came from a button or from a typed answer.
 */
export async function changeRotationSetting(input: {
  actor: ActorRef;
  change: RotationSettingChange;
  jobs: JobQueue;
}): Promise<Result<RotationSettings, ActorRefusal | "invalid-setting">> {
  const checked = await checkActor(input.actor, ["director"]);
  if (!checked.ok) return checked;
  const { key, value } = input.change;
  const typeFits = (isToggleSetting(key) && typeof value === "boolean") || (isNumericSetting(key) && typeof value === "number");
  if (!typeFits) return fail("invalid-setting");
  const teamId = checked.value.teamId;
  const saved = await updateTeamSettings(teamId, "rotation", { [key]: value });
  if (!saved.ok) return saved;
  await input.jobs.enqueue("rotation.recompute-due", { teamId: String(teamId) });
  return ok(saved.value.settings.rotation);
}

import type { Agenda } from "agenda";
import { recomputeRotationDue } from "../src/rotation/recompute-due.js";
import { Team } from "../src/teams/team.model.js";
import type { JobDeps } from "./runtime/deps.js";

export const ROTATION_RECOMPUTE_JOB = "rotation.recompute-due";

/** After a director changes the rotation rules: every client's "rotates in N days" follows. */
export function defineRotationRecompute(agenda: Agenda, deps: JobDeps): void {
  agenda.define<{ teamId: string }>(ROTATION_RECOMPUTE_JOB, async (job) => {
    const team = await Team.findById(job.attrs.data.teamId).lean();
    if (!team) return;
    const changed = await recomputeRotationDue(team);
    deps.logger.info({ teamId: job.attrs.data.teamId, changed }, "rotation due dates recomputed");
  });
}

import { recomputeRotationDue } from "../../src/rotation/recompute-due.js";
import { defineJob, type JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";

/** `rotation.recompute-due`: after a director changed the rules, every client's "rotates in N days" follows. */
export function rotationRecomputeJob(deps: JobDeps): JobDefinition<"rotation.recompute-due"> {
  return defineJob({
    name: "rotation.recompute-due",
    lockLifetimeMs: 60_000,
    async run({ data, log }) {
      const result = await recomputeRotationDue(data.teamId);
      if (!result) return void log.warn({ teamId: data.teamId }, "recompute for a team that no longer exists");
      deps.logger.info({ teamId: data.teamId, ...result }, "rotation due dates recomputed");
    },
  });
}

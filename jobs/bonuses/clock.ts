import { dealsToSync, syncDealLines } from "../../src/bonuses/accrual.js";
import { pendingHoldbackNotices, resolveDueUplifts } from "../../src/bonuses/holdback.js";
import { publishDueStatements } from "../../src/bonuses/monthly-statements.js";
import type { ClockTask } from "../clock/clock-task.js";
import type { JobDeps } from "../runtime/deps.js";

/** A deal event younger than this is left to its own job. */
const LOST_EVENT_AFTER_MS = 60_000;

/**
 * Bonuses on the team clock: last month's statements on the 1st; holdbacks
 * that ended (each manager's notice is a job of its own); deals whose latest
 * change the bonus engine has not taken in (a lost event, a failed job).
 */
export function bonusClock(deps: JobDeps): ClockTask {
  return {
    name: "bonuses",
    perTeam: async (team, now) => void (await publishDueStatements({ team, now, jobs: deps.jobs })),
    async sweep(now) {
      await resolveDueUplifts(now);
      // Notices of this sweep and of any earlier one whose job was not published (a crash in between).
      for (const notice of await pendingHoldbackNotices()) await deps.jobs.enqueue("bonus.holdback-notice", notice);
      for (const dealId of await dealsToSync(new Date(now.getTime() - LOST_EVENT_AFTER_MS))) {
        await syncDealLines(dealId, now).catch((err: unknown) => deps.logger.error({ err, dealId: String(dealId) }, "bonus accrual failed"));
      }
    },
  };
}

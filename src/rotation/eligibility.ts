import { addUtcMonths } from "./months.js";
import type { PlannerClient, PlannerRules, RotationReason } from "./types.js";

interface RuleClock {
  reason: "never-bought" | "lapsed";
  /** Epoch ms after which the client rotates (strictly after: "more than N months"). */
  dueMs: number;
}

/**
 * A deal date counts as a deal even if dealCount says 0: the two are written
 * together, and a client with a recorded deal must never rotate as "never bought".
 */
function hasBought(client: PlannerClient): boolean {
  return client.dealCount > 0 || client.lastDealAt !== null;
}

/** Which rule watches this client and when it fires; null when no rule can ever move it. */
function ruleClock(client: PlannerClient, rules: PlannerRules): RuleClock | null {
  if (client.pinned || client.status !== "active" || client.ownerId === null) return null;
  const assignedMs = client.assignedAt.getTime();
  if (!hasBought(client)) {
    if (!rules.neverBoughtEnabled) return null;
    return { reason: "never-bought", dueMs: addUtcMonths(assignedMs, rules.neverBoughtMonths) };
  }
  if (!rules.lapsedEnabled) return null;
  // Counted from the later date, so a client just received gets a full period.
  const lastDealMs = client.lastDealAt?.getTime() ?? assignedMs;
  return { reason: "lapsed", dueMs: addUtcMonths(Math.max(lastDealMs, assignedMs), rules.lapsedMonths) };
}

/**
 * Why the client is due to rotate at `now`, or null. Only the client's own
 * data is checked: planRotation also requires the owner to be an active manager.
 */
export function eligibility(client: PlannerClient, now: Date, rules: PlannerRules): RotationReason | null {
  const clock = ruleClock(client, rules);
  // NaN (an invalid date) compares false, so broken data never rotates.
  return clock !== null && now.getTime() > clock.dueMs ? clock.reason : null;
}

/**
 * The instant after which the client becomes eligible: eligibility(c, t, r)
 * is non-null exactly when t > rotationDueAt(c, r). null when no rule can move
 * it (pinned, lost, in the pool, its rule switched off, or broken dates).
 * The value may lie in the past for clients already due.
 */
export function rotationDueAt(client: PlannerClient, rules: PlannerRules): Date | null {
  const clock = ruleClock(client, rules);
  return clock === null || Number.isNaN(clock.dueMs) ? null : new Date(clock.dueMs);
}

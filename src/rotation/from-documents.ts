import type { ClientDoc } from "../clients/client.model.js";
import type { RotationSettings } from "../teams/team-settings.js";
import { rotationDueAt } from "./eligibility.js";
import type { PlannerClient, PlannerRules } from "./types.js";

/** The planner's view of a client document. */
export function toPlannerClient(
  c: Pick<ClientDoc, "_id" | "ownerId" | "assignedAt" | "lastDealAt" | "dealCount" | "status" | "pinned" | "keyAccount"> & Partial<Pick<ClientDoc, "ownership">>,
): PlannerClient {
  return {
    id: String(c._id),
    ownerId: c.ownerId ? String(c.ownerId) : null,
    assignedAt: c.assignedAt,
    lastDealAt: c.lastDealAt ?? null,
    dealCount: c.dealCount,
    status: c.status,
    pinned: c.pinned,
    keyAccount: c.keyAccount,
    pastOwnerIds: (c.ownership ?? []).flatMap((o) => (o.ownerId ? [String(o.ownerId)] : [])),
  };
}

export function plannerRules(settings: RotationSettings): PlannerRules {
  return {
    neverBoughtEnabled: settings.enabled && settings.neverBoughtEnabled,
    neverBoughtMonths: settings.neverBoughtMonths,
    lapsedEnabled: settings.enabled && settings.lapsedEnabled,
    lapsedMonths: settings.lapsedMonths,
  };
}

/**
 * Stored on each client so lists sort by "days until rotation" in the
 * database. "Never" is a far-future date rather than null, because MongoDB
 * sorts nulls first and these clients belong at the end.
 */
export const NEVER_ROTATES = new Date("9999-12-31T00:00:00.000Z");

export function storedRotationDueAt(
  c: Parameters<typeof toPlannerClient>[0],
  settings: RotationSettings,
): Date {
  return rotationDueAt(toPlannerClient(c), plannerRules(settings)) ?? NEVER_ROTATES;
}

import { compareIds, pairHash, runHash, uniqueSortedById } from "./deterministic.js";
import { tallyMoves } from "./tally.js";
import type { PlannedMove, PlannerClient, PlannerManager, PlanNote, RotationPlan, UnplacedClient } from "./types.js";

export interface DeactivationInput {
  runId: string;
  leavingManagerId: string;
  /** The leaving manager's clients. */
  clients: readonly PlannerClient[];
  managers: readonly PlannerManager[];
  /** Active clients per manager now; a missing id counts as 0. */
  currentLoad: Readonly<Record<string, number>>;
}

interface Receiver {
  id: string;
  hash: number;
  load: number;
}

/** The level that takes the clients: the leaver's own, else the nearest (a tie goes to the higher). */
function receivingLevel(level: number, levels: readonly number[]): number | null {
  let best: number | null = null;
  for (const candidate of levels) {
    if (best === null) {
      best = candidate;
      continue;
    }
    const distance = Math.abs(candidate - level);
    const bestDistance = Math.abs(best - level);
    if (distance < bestDistance || (distance === bestDistance && candidate > best)) best = candidate;
  }
  return best;
}

/**
 * Hands every active client of a leaving manager to active colleagues of the
 * same level, balanced by count. Unlike rotation, pinned clients move too:
 * a pin protects a client from rotation, not from its owner leaving.
 * Lost clients stay where they are.
 */
export function planDeactivation(input: DeactivationInput): RotationPlan {
  const { runId, leavingManagerId } = input;
  const notes: PlanNote[] = [];
  const managers = uniqueSortedById(input.managers);
  const clients = uniqueSortedById(input.clients);
  if (managers.duplicates.length > 0) notes.push({ code: "duplicate-ids", kind: "manager", ids: managers.duplicates });
  if (clients.duplicates.length > 0) notes.push({ code: "duplicate-ids", kind: "client", ids: clients.duplicates });

  const own = clients.items.filter((client) => client.ownerId === leavingManagerId);
  if (own.length < clients.items.length) {
    notes.push({ code: "not-owned-by-leaving-manager", count: clients.items.length - own.length });
  }
  const moving = own
    .filter((client) => client.status === "active")
    .map((client) => ({ client, hash: runHash(runId, client.id) }))
    .sort((a, b) => a.hash - b.hash || compareIds(a.client.id, b.client.id));

  const leaving = managers.items.find((manager) => manager.id === leavingManagerId);
  const others = managers.items.filter((manager) => manager.active && manager.id !== leavingManagerId);
  let receivers: Receiver[] = [];
  if (!leaving) {
    // Without the leaver's level there is no "same level" to honour.
    notes.push({ code: "leaving-manager-unknown", managerId: leavingManagerId });
  } else if (others.length === 0) {
    notes.push({ code: "no-active-managers" });
  } else {
    const level = receivingLevel(leaving.level, [...new Set(others.map((manager) => manager.level))])!;
    if (level !== leaving.level) notes.push({ code: "nearest-level", level: leaving.level, usedLevel: level });
    receivers = others
      .filter((manager) => manager.level === level)
      .map((manager) => ({ id: manager.id, hash: runHash(runId, manager.id), load: loadOf(input.currentLoad, manager.id) }));
  }

  const moves: PlannedMove[] = [];
  const unplaced: UnplacedClient[] = [];
  for (const { client, hash } of moving) {
    const to = pickLeastLoaded(receivers, client, hash);
    if (to === undefined) {
      unplaced.push({ clientId: client.id, reason: "manager-deactivated", why: "no-receiver" });
      continue;
    }
    to.load++;
    moves.push({ clientId: client.id, fromId: leavingManagerId, toId: to.id, reason: "manager-deactivated" });
  }
  moves.sort((a, b) => compareIds(a.clientId, b.clientId));
  unplaced.sort((a, b) => compareIds(a.clientId, b.clientId));
  const ids = [...receivers.map((receiver) => receiver.id), ...(leaving ? [leavingManagerId] : [])];
  return { runId, moves, perManager: tallyMoves(ids, moves), unplaced, notes };
}

/** A missing or nonsensical load counts as 0 rather than poisoning the comparison. */
function loadOf(load: Readonly<Record<string, number>>, id: string): number {
  const value = Object.hasOwn(load, id) ? load[id] : 0;
  return typeof value === "number" && Number.isFinite(value) ? value : 0;
}

/** Lowest load first; among equal loads someone who never held the client, then the hash. */
function pickLeastLoaded(receivers: Receiver[], client: PlannerClient, clientHash: number): Receiver | undefined {
  let best: Receiver | undefined;
  let bestFresh = false;
  let bestHash = -1; // computed only when a tie needs it
  for (const receiver of receivers) {
    const fresh = !client.pastOwnerIds.includes(receiver.id);
    if (best !== undefined) {
      if (receiver.load !== best.load) {
        if (receiver.load > best.load) continue;
      } else if (fresh !== bestFresh) {
        if (!fresh) continue;
      } else {
        if (bestHash < 0) bestHash = pairHash(clientHash, best.hash);
        const hash = pairHash(clientHash, receiver.hash);
        if (hash <= bestHash) continue;
        best = receiver;
        bestHash = hash;
        continue;
      }
    }
    best = receiver;
    bestFresh = fresh;
    bestHash = -1;
  }
  return best;
}

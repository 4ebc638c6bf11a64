import type { ManagerTally, PlannedMove } from "./types.js";

/**
 * Per-manager counts computed from the moves themselves, so the summary can
 * never disagree with what the plan actually does.
 */
export function tallyMoves(managerIds: readonly string[], moves: readonly PlannedMove[]): Record<string, ManagerTally> {
  const tally = new Map<string, ManagerTally>();
  const row = (id: string): ManagerTally => {
    let entry = tally.get(id);
    if (!entry) {
      entry = { gave: 0, received: 0, fromPool: 0, imbalance: 0 };
      tally.set(id, entry);
    }
    return entry;
  };
  for (const id of managerIds) row(id);
  for (const move of moves) {
    if (move.fromId !== null) row(move.fromId).gave++;
    const to = row(move.toId);
    to.received++;
    if (move.fromId === null) to.fromPool++;
  }
  for (const entry of tally.values()) entry.imbalance = entry.received - entry.gave;
  // fromEntries defines own properties, so an id like "__proto__" stays a plain key.
  return Object.fromEntries(tally);
}

export interface NamedTally extends ManagerTally {
  name: string;
}

/** Managers who gave or received, the uneven ones (what a director looks for) first, then by name. */
export function namedTallies(perManager: Readonly<Record<string, ManagerTally>>, nameOf: (id: string) => string): NamedTally[] {
  return Object.entries(perManager)
    .filter(([, t]) => t.gave + t.received > 0)
    .map(([id, t]) => ({ name: nameOf(id), ...t }))
    .sort((a, b) => Math.abs(b.imbalance) - Math.abs(a.imbalance) || a.name.localeCompare(b.name));
}

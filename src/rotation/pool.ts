import { compareIds, runHash } from "./deterministic.js";
import type { Seat } from "./planner.js";
import type { PlannedMove, PlannerClient, PlanNote } from "./types.js";

/**
 * Tops up, from the free pool ("new base"), every manager who gave more than
 * they got back. When the pool is short, whoever misses the most is served
 * first, one client at a time, so the shortfall ends up spread evenly. Each
 * manager prefers pool clients they never held; key accounts from the pool
 * may go to anyone. Seats are updated in place.
 */
export function topUpFromPool(
  runId: string,
  clients: readonly PlannerClient[],
  seats: readonly Seat[],
): { moves: PlannedMove[]; notes: PlanNote[] } {
  const moves: PlannedMove[] = [];
  const needy = seats.filter((seat) => seat.received < seat.gave);
  if (needy.length === 0) return { moves, notes: [] };

  const pool = clients
    .filter((client) => client.ownerId === null && client.status === "active" && !client.pinned)
    .map((client) => ({ client, hash: runHash(runId, client.id) }))
    .sort((a, b) => a.hash - b.hash || compareIds(a.client.id, b.client.id));
  const taken = new Uint8Array(pool.length);
  // Per-manager cursors only move forward: whatever they passed is taken or (for
  // `fresh`) was held by that manager, and stays so for the rest of the run.
  const freshCursor = new Map<Seat, number>();
  const anyCursor = new Map<Seat, number>();
  let left = pool.length;

  while (left > 0) {
    let seat: Seat | undefined;
    let missing = 0;
    for (const candidate of needy) {
      const short = candidate.gave - candidate.received;
      if (short > missing || (short === missing && short > 0 && candidate.hash > seat!.hash)) {
        seat = candidate;
        missing = short;
      }
    }
    if (seat === undefined) break;

    const id = seat.manager.id;
    let index = freshCursor.get(seat) ?? 0;
    while (index < pool.length && (taken[index] === 1 || pool[index]!.client.pastOwnerIds.includes(id))) index++;
    freshCursor.set(seat, index);
    if (index === pool.length) {
      index = anyCursor.get(seat) ?? 0;
      while (index < pool.length && taken[index] === 1) index++;
      anyCursor.set(seat, index);
    }
    // left > 0 guarantees an untaken client exists, so index is in range.
    taken[index] = 1;
    left--;
    seat.received++;
    moves.push({ clientId: pool[index]!.client.id, fromId: null, toId: id, reason: "pool-top-up" });
  }

  const notes: PlanNote[] = [];
  for (const seat of needy) {
    const missing = seat.gave - seat.received;
    if (missing > 0) notes.push({ code: "pool-exhausted", managerId: seat.manager.id, missing });
  }
  return { moves, notes };
}

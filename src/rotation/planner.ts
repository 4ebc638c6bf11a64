import { compareIds, pairHash, runHash, uniqueSortedById } from "./deterministic.js";
import { eligibility } from "./eligibility.js";
import { topUpFromPool } from "./pool.js";
import { tallyMoves } from "./tally.js";
import type {
  PlannedMove,
  PlannerClient,
  PlannerManager,
  PlannerRules,
  PlanNote,
  RotationPlan,
  RotationReason,
  UnplacedClient,
} from "./types.js";

export type {
  ManagerTally,
  PlannedMove,
  PlannerClient,
  PlannerManager,
  PlannerRules,
  PlanNote,
  RotationPlan,
  RotationReason,
  UnplacedClient,
} from "./types.js";
export { eligibility, rotationDueAt } from "./eligibility.js";
export { planDeactivation } from "./deactivation.js";

export interface RotationInput {
  runId: string;
  now: Date;
  clients: readonly PlannerClient[];
  managers: readonly PlannerManager[];
  rules: PlannerRules;
}

/** An active manager while the run is planned. */
export interface Seat {
  manager: PlannerManager;
  /** runHash(runId, managerId), for tie-breaks. */
  hash: number;
  /** Clients this manager gives away in the run (all levels). */
  gave: number;
  /** Clients this manager received so far, pool top-ups included. */
  received: number;
  /** Own clients still waiting for a receiver in the manager's own level group. */
  waiting: number;
}

interface Rotating {
  client: PlannerClient;
  owner: Seat;
  reason: RotationReason;
  hash: number;
}

const byHashThenId = (a: { hash: number; client: PlannerClient }, b: { hash: number; client: PlannerClient }): number =>
  a.hash - b.hash || compareIds(a.client.id, b.client.id);

/**
 * Plans one rotation run: who gives which client to whom, and the pool
 * top-ups that keep "as many as you took, give the same". Pure: the same
 * data and runId give the same plan whatever the order of the input arrays.
 */
export function planRotation(input: RotationInput): RotationPlan {
  const { runId, now, rules } = input;
  const notes: PlanNote[] = [];
  const managers = uniqueSortedById(input.managers);
  const clients = uniqueSortedById(input.clients);
  if (managers.duplicates.length > 0) notes.push({ code: "duplicate-ids", kind: "manager", ids: managers.duplicates });
  if (clients.duplicates.length > 0) notes.push({ code: "duplicate-ids", kind: "client", ids: clients.duplicates });

  // Level groups, each sorted by id because the managers are.
  const seats = new Map<string, Seat>();
  const levels = new Map<number, Seat[]>();
  for (const manager of managers.items) {
    if (!manager.active) continue;
    const seat: Seat = { manager, hash: runHash(runId, manager.id), gave: 0, received: 0, waiting: 0 };
    seats.set(manager.id, seat);
    const group = levels.get(manager.level);
    if (group) group.push(seat);
    else levels.set(manager.level, [seat]);
  }
  if (managers.items.length === 0) notes.push({ code: "no-managers" });
  else if (seats.size === 0) notes.push({ code: "no-active-managers" });

  const ascending = [...levels.keys()].sort((a, b) => a - b);
  // A key account goes up to the next level that has someone active, else stays.
  const targetLevel = (level: number, keyAccount: boolean): number =>
    keyAccount ? (ascending.find((l) => l > level) ?? level) : level;

  const byTarget = new Map<number, Rotating[]>();
  const unplaced: UnplacedClient[] = [];
  const unplacedPerLevel = new Map<number, number>();
  const keptKeyAccounts = new Map<number, number>();
  let eligibleCount = 0;
  let inactiveOwner = 0;
  for (const client of clients.items) {
    if (client.ownerId === null) continue;
    const owner = seats.get(client.ownerId);
    if (!owner) {
      if (client.status === "active") inactiveOwner++;
      continue;
    }
    const reason = eligibility(client, now, rules);
    if (reason === null) continue;
    eligibleCount++;
    const level = owner.manager.level;
    const target = targetLevel(level, client.keyAccount);
    if (client.keyAccount && target === level) keptKeyAccounts.set(level, (keptKeyAccounts.get(level) ?? 0) + 1);
    // Only the owner's own level can lack a receiver: a higher target level never contains the owner.
    if (target === level && levels.get(level)!.length === 1) {
      unplaced.push({ clientId: client.id, reason, why: "no-receiver" });
      unplacedPerLevel.set(level, (unplacedPerLevel.get(level) ?? 0) + 1);
      continue;
    }
    owner.gave++;
    const list = byTarget.get(target);
    const entry: Rotating = { client, owner, reason, hash: runHash(runId, client.id) };
    if (list) list.push(entry);
    else byTarget.set(target, [entry]);
  }
  if (inactiveOwner > 0) notes.push({ code: "clients-with-inactive-owner", count: inactiveOwner });
  if (eligibleCount === 0) notes.push({ code: "no-eligible-clients" });
  for (const [level, count] of keptKeyAccounts) notes.push({ code: "key-accounts-kept-on-level", level, count });
  for (const [level, count] of unplacedPerLevel) notes.push({ code: "single-manager-level", level, unplaced: count });

  const moves: PlannedMove[] = [];
  for (const level of ascending) {
    const rotating = byTarget.get(level);
    if (rotating) assignLevel(level, levels.get(level)!, rotating, moves);
  }

  const topUp = topUpFromPool(runId, clients.items, [...seats.values()]);
  moves.push(...topUp.moves);
  notes.push(...topUp.notes);

  moves.sort((a, b) => compareIds(a.clientId, b.clientId));
  return { runId, moves, perManager: tallyMoves([...seats.keys()], moves), unplaced, notes };
}

/**
 * Places every client due to land in one level group. The owner with the
 * most at stake (own clients still waiting + what they are still owed) goes
 * first, and each client goes to the owed colleague with the most at stake.
 * Why: a manager whose stake equals everything still to place must take part
 * in the next move or balance becomes impossible; either ordering alone keeps
 * that true, so a plain level (no key accounts, no history preferences)
 * balances exactly whenever nobody gives more than half of it.
 * Key accounts from the level below can go to anyone, so they fill last.
 */
function assignLevel(level: number, group: Seat[], rotating: Rotating[], moves: PlannedMove[]): void {
  const queues = new Map<Seat, Rotating[]>();
  const incoming: Rotating[] = [];
  for (const entry of rotating) {
    if (entry.owner.manager.level !== level) {
      incoming.push(entry);
      continue;
    }
    const queue = queues.get(entry.owner);
    if (queue) queue.push(entry);
    else queues.set(entry.owner, [entry]);
  }
  const owners = [...queues.keys()];
  for (const [owner, queue] of queues) {
    queue.sort(byHashThenId);
    owner.waiting = queue.length;
  }

  let left = rotating.length - incoming.length;
  while (left > 0) {
    let owner: Seat | undefined;
    let ownerStake = -1;
    for (const seat of owners) {
      if (seat.waiting === 0) continue;
      const stake = seat.waiting + Math.max(seat.gave - seat.received, 0);
      if (stake > ownerStake || (stake === ownerStake && seat.hash > owner!.hash)) {
        owner = seat;
        ownerStake = stake;
      }
    }
    const queue = queues.get(owner!)!;
    const entry = queue[queue.length - owner!.waiting]!;
    owner!.waiting--;
    left--;
    place(group, entry, moves);
  }
  incoming.sort(byHashThenId);
  for (const entry of incoming) place(group, entry, moves);
}

/**
 * Picks the receiver for one client, by in order: never held the client,
 * is still owed clients, owes the most (counting own clients still to give),
 * then the (runId, client, manager) hash. The group always has someone
 * besides the owner: single-manager levels were set aside as unplaced.
 */
function place(group: Seat[], entry: Rotating, moves: PlannedMove[]): void {
  const past = entry.client.pastOwnerIds;
  let best: Seat | undefined;
  let bestFresh = false;
  let bestOwed = false;
  let bestScore = 0;
  let bestHash = -1; // computed only when a tie needs it
  for (const seat of group) {
    if (seat === entry.owner) continue;
    const fresh = !past.includes(seat.manager.id);
    const owed = seat.gave - seat.received;
    const isOwed = owed > 0;
    // Among the owed, the one with most at stake first (it keeps exact balance
    // reachable); among the rest, the one with the smallest surplus.
    const score = isOwed ? seat.waiting + owed : owed;
    if (best !== undefined) {
      if (fresh !== bestFresh) {
        if (!fresh) continue;
      } else if (isOwed !== bestOwed) {
        if (!isOwed) continue;
      } else if (score !== bestScore) {
        if (score < bestScore) continue;
      } else {
        if (bestHash < 0) bestHash = pairHash(entry.hash, best.hash);
        const hash = pairHash(entry.hash, seat.hash);
        if (hash <= bestHash) continue;
        best = seat;
        bestHash = hash;
        continue;
      }
    }
    best = seat;
    bestFresh = fresh;
    bestOwed = isOwed;
    bestScore = score;
    bestHash = -1;
  }
  best!.received++;
  moves.push({ clientId: entry.client.id, fromId: entry.owner.manager.id, toId: best!.manager.id, reason: entry.reason });
}

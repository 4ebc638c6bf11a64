/**
 * Shapes the rotation planner works on. They are plain data on purpose: the
 * planner knows nothing about Telegram or MongoDB, so the job that runs the
 * rotation maps documents to these and applies the plan it gets back.
 */

export type RotationReason = "never-bought" | "lapsed" | "manager-deactivated";

export interface PlannerClient {
  id: string;
  /** null = the team's free pool. */
  ownerId: string | null;
  /** When the current owner got the client. */
  assignedAt: Date;
  lastDealAt: Date | null;
  dealCount: number;
  status: "active" | "lost";
  pinned: boolean;
  keyAccount: boolean;
  /** Everyone who ever held the client; may include the current owner. */
  pastOwnerIds: readonly string[];
}

export interface PlannerManager {
  id: string;
  /** 1..5, 1 = junior. */
  level: number;
  active: boolean;
}

export interface PlannerRules {
  neverBoughtEnabled: boolean;
  neverBoughtMonths: number;
  lapsedEnabled: boolean;
  lapsedMonths: number;
}

export interface PlannedMove {
  clientId: string;
  /** null = taken from the free pool as a top-up. */
  fromId: string | null;
  toId: string;
  reason: RotationReason | "pool-top-up";
}

export interface ManagerTally {
  gave: number;
  /** Everything received in the run, pool top-ups included. */
  received: number;
  /** The part of `received` that came from the free pool. */
  fromPool: number;
  /** received - gave: 0 is the "as many as you took, give the same" promise kept. */
  imbalance: number;
}

export interface UnplacedClient {
  clientId: string;
  reason: RotationReason;
  why: "no-receiver";
}

/** Machine-readable remarks for the run summary; the bot turns them into text. */
export type PlanNote =
  | { code: "no-managers" }
  | { code: "no-active-managers" }
  | { code: "no-eligible-clients" }
  /** Clients due to rotate stayed put: their level has nobody else to take them. */
  | { code: "single-manager-level"; level: number; unplaced: number }
  /** Key accounts rotated within their own level: no higher level has an active manager. */
  | { code: "key-accounts-kept-on-level"; level: number; count: number }
  /** The free pool ran dry before this manager got back as many as they gave. */
  | { code: "pool-exhausted"; managerId: string; missing: number }
  /** Clients still held by someone who is not an active manager: a deactivation was not finished. */
  | { code: "clients-with-inactive-owner"; count: number }
  /** Records sharing an id were left out whole: picking one would depend on input order. */
  | { code: "duplicate-ids"; kind: "client" | "manager"; ids: string[] }
  | { code: "leaving-manager-unknown"; managerId: string }
  /** Nobody else is active on the leaving manager's level: the nearest level took the clients. */
  | { code: "nearest-level"; level: number; usedLevel: number }
  /** Clients handed to planDeactivation that the leaving manager does not own; ignored. */
  | { code: "not-owned-by-leaving-manager"; count: number };

export interface RotationPlan {
  runId: string;
  moves: PlannedMove[];
  perManager: Record<string, ManagerTally>;
  unplaced: UnplacedClient[];
  notes: PlanNote[];
}

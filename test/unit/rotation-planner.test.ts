import { describe, expect, it } from "vitest";
import {
  eligibility,
  planDeactivation,
  planRotation,
  rotationDueAt,
  type PlannerClient,
  type PlannerManager,
  type PlannerRules,
  type RotationPlan,
} from "../../src/rotation/planner.js";

// Hand-written cases: the spec's scenarios and the small teams a director
// would reason about by hand. The generated checks live in rotation-planner.property.test.ts.

const RULES: PlannerRules = { neverBoughtEnabled: true, neverBoughtMonths: 6, lapsedEnabled: true, lapsedMonths: 12 };
const NOW = new Date("2025-06-01T12:00:00.000Z");
const LONG_AGO = new Date("2023-01-01T00:00:00.000Z");
const RECENTLY = new Date("2025-05-01T00:00:00.000Z");
const DAY = 86_400_000;

function client(id: string, ownerId: string | null, overrides: Partial<PlannerClient> = {}): PlannerClient {
  return {
    id,
    ownerId,
    assignedAt: LONG_AGO,
    lastDealAt: null,
    dealCount: 0,
    status: "active",
    pinned: false,
    keyAccount: false,
    pastOwnerIds: ownerId === null ? [] : [ownerId],
    ...overrides,
  };
}

function manager(id: string, level = 1, active = true): PlannerManager {
  return { id, level, active };
}

function plan(clients: PlannerClient[], managers: PlannerManager[], runId = "run-1", now = NOW): RotationPlan {
  return planRotation({ runId, now, clients, managers, rules: RULES });
}

/** clientId -> toId, the part of a plan people read first. */
function destinations(result: RotationPlan): Record<string, string> {
  return Object.fromEntries(result.moves.map((move) => [move.clientId, move.toId]));
}

describe("eligibility", () => {
  const assignedAt = new Date("2024-01-15T10:00:00.000Z");
  const sixMonthsLater = new Date("2024-07-15T10:00:00.000Z");

  it("moves a never-bought client held for 6 months and a day, not for exactly 6 months", () => {
    const held = client("c1", "a", { assignedAt });
    expect(eligibility(held, new Date(sixMonthsLater.getTime() + DAY), RULES)).toBe("never-bought");
    expect(eligibility(held, sixMonthsLater, RULES)).toBeNull();
    // "More than" six months: the very next millisecond already counts.
    expect(eligibility(held, new Date(sixMonthsLater.getTime() + 1), RULES)).toBe("never-bought");
    expect(rotationDueAt(held, RULES)).toEqual(sixMonthsLater);
  });

  it("counts calendar months in UTC and clamps to the end of a shorter month", () => {
    const held = client("c1", "a", { assignedAt: new Date("2024-08-31T23:30:00.000Z") });
    expect(rotationDueAt(held, RULES)).toEqual(new Date("2025-02-28T23:30:00.000Z"));
    const leapYear = client("c2", "a", { assignedAt: new Date("2023-08-31T23:30:00.000Z") });
    expect(rotationDueAt(leapYear, RULES)).toEqual(new Date("2024-02-29T23:30:00.000Z"));
  });

  it("counts a lapse from assignedAt when the client was just received", () => {
    const justReceived = new Date("2025-05-31T09:00:00.000Z");
    const received = client("c1", "b", {
      assignedAt: justReceived,
      lastDealAt: new Date("2022-03-01T00:00:00.000Z"),
      dealCount: 4,
      pastOwnerIds: ["a", "b"],
    });
    expect(eligibility(received, NOW, RULES)).toBeNull();
    expect(rotationDueAt(received, RULES)).toEqual(new Date("2026-05-31T09:00:00.000Z"));
    expect(eligibility(received, new Date("2026-05-31T09:00:00.001Z"), RULES)).toBe("lapsed");
  });

  it("counts a lapse from the last deal when that is later", () => {
    const lapsed = client("c1", "a", { lastDealAt: new Date("2024-05-01T00:00:00.000Z"), dealCount: 2 });
    expect(eligibility(lapsed, new Date("2025-05-01T00:00:00.000Z"), RULES)).toBeNull();
    expect(eligibility(lapsed, new Date("2025-05-02T00:00:00.000Z"), RULES)).toBe("lapsed");
  });

  it("treats a recorded deal date as a deal even when dealCount says 0", () => {
    const odd = client("c1", "a", { lastDealAt: new Date("2023-02-01T00:00:00.000Z"), dealCount: 0 });
    expect(eligibility(odd, NOW, RULES)).toBe("lapsed");
  });

  it("never rotates pinned, lost or pool clients, nor a client whose rule is off", () => {
    for (const exempt of [
      client("c1", "a", { pinned: true }),
      client("c2", "a", { status: "lost" }),
      client("c3", null),
    ]) {
      expect(eligibility(exempt, NOW, RULES)).toBeNull();
      expect(rotationDueAt(exempt, RULES)).toBeNull();
    }
    expect(eligibility(client("c4", "a"), NOW, { ...RULES, neverBoughtEnabled: false })).toBeNull();
    const lapsed = client("c5", "a", { lastDealAt: LONG_AGO, dealCount: 1 });
    expect(eligibility(lapsed, NOW, { ...RULES, lapsedEnabled: false })).toBeNull();
    expect(eligibility(lapsed, NOW, { ...RULES, neverBoughtEnabled: false })).toBe("lapsed");
  });

  it("does not rotate clients with broken dates", () => {
    const broken = client("c1", "a", { assignedAt: new Date("not a date") });
    expect(eligibility(broken, NOW, RULES)).toBeNull();
    expect(rotationDueAt(broken, RULES)).toBeNull();
  });
});

describe("planRotation", () => {
  it("moves the 6 months + 1 day client, keeps the 6 months one, and tops the giver up from the pool", () => {
    const now = new Date("2025-06-02T12:00:00.000Z");
    const result = plan(
      [
        client("c1", "a", { assignedAt: new Date("2024-12-01T12:00:00.000Z") }), // 6 months + 1 day
        client("c2", "b", { assignedAt: new Date("2024-12-02T12:00:00.000Z") }), // exactly 6 months
        client("p1", null),
      ],
      [manager("a"), manager("b")],
      "run-1",
      now,
    );
    expect(result.moves).toEqual([
      { clientId: "c1", fromId: "a", toId: "b", reason: "never-bought" },
      { clientId: "p1", fromId: null, toId: "a", reason: "pool-top-up" },
    ]);
    expect(result.perManager).toEqual({
      a: { gave: 1, received: 1, fromPool: 1, imbalance: 0 },
      b: { gave: 0, received: 1, fromPool: 0, imbalance: 1 },
    });
  });

  it("swaps between two givers without touching the pool", () => {
    const result = plan([client("c1", "a"), client("c2", "b"), client("p1", null)], [manager("a"), manager("b")]);
    expect(destinations(result)).toEqual({ c1: "b", c2: "a" });
    expect(result.perManager.a).toEqual({ gave: 1, received: 1, fromPool: 0, imbalance: 0 });
    expect(result.notes).toEqual([]);
  });

  it("balances a level exactly when nobody gives more than half", () => {
    // a gives 2, b and c give 1 each: a must get b's and c's, and give one to each.
    const result = plan(
      [client("a1", "a"), client("a2", "a"), client("b1", "b"), client("c1", "c")],
      [manager("a"), manager("b"), manager("c")],
    );
    expect(destinations(result)).toMatchObject({ b1: "a", c1: "a" });
    expect([destinations(result).a1, destinations(result).a2].sort()).toEqual(["b", "c"]);
    for (const tally of Object.values(result.perManager)) expect(tally.imbalance).toBe(0);
  });

  it("keeps every client of a one-manager team and says why", () => {
    const result = plan([client("c1", "a"), client("c2", "a", { keyAccount: true }), client("p1", null)], [manager("a")]);
    expect(result.moves).toEqual([]);
    expect(result.unplaced).toEqual([
      { clientId: "c1", reason: "never-bought", why: "no-receiver" },
      { clientId: "c2", reason: "never-bought", why: "no-receiver" },
    ]);
    expect(result.notes).toContainEqual({ code: "single-manager-level", level: 1, unplaced: 2 });
    expect(result.perManager).toEqual({ a: { gave: 0, received: 0, fromPool: 0, imbalance: 0 } });
  });

  it("sends key accounts one level up and tops the juniors up from the pool", () => {
    const result = plan(
      [
        client("k1", "a", { keyAccount: true }),
        client("k2", "b", { keyAccount: true }),
        client("k3", "x", { keyAccount: true }),
        client("p1", null),
        client("p2", null, { keyAccount: true }),
      ],
      [manager("a", 1), manager("b", 1), manager("x", 2), manager("y", 2)],
    );
    const to = destinations(result);
    expect(["x", "y"]).toContain(to.k1);
    expect(["x", "y"]).toContain(to.k2);
    // Level 2 is the top: its key account rotates within the level.
    expect(to.k3).toBe("y");
    expect(result.notes).toContainEqual({ code: "key-accounts-kept-on-level", level: 2, count: 1 });
    expect(result.perManager.a).toMatchObject({ gave: 1, received: 1, fromPool: 1, imbalance: 0 });
    expect(result.perManager.b).toMatchObject({ gave: 1, received: 1, fromPool: 1, imbalance: 0 });
    expect(new Set([to.p1, to.p2])).toEqual(new Set(["a", "b"]));
  });

  it("sends a key account to the next level that has an active manager", () => {
    const result = plan(
      [client("k1", "a", { keyAccount: true })],
      [manager("a", 1), manager("b", 1), manager("idle", 2, false), manager("s", 3), manager("t", 4)],
    );
    expect(destinations(result)).toEqual({ k1: "s" });
  });

  it("leaves a key account unplaced when its owner is alone on the top level", () => {
    const result = plan([client("k1", "s", { keyAccount: true })], [manager("a", 1), manager("b", 1), manager("s", 3)]);
    expect(result.moves).toEqual([]);
    expect(result.unplaced).toEqual([{ clientId: "k1", reason: "never-bought", why: "no-receiver" }]);
    expect(result.notes).toContainEqual({ code: "single-manager-level", level: 3, unplaced: 1 });
  });

  it("prefers a colleague who never held the client", () => {
    const result = plan([client("c1", "a", { pastOwnerIds: ["b", "a"] })], [manager("a"), manager("b"), manager("c")]);
    expect(destinations(result)).toEqual({ c1: "c" });
    // Nobody fresh left: a former owner is still better than not rotating.
    const again = plan([client("c1", "a", { pastOwnerIds: ["b", "c"] })], [manager("a"), manager("b"), manager("c")]);
    expect(["b", "c"]).toContain(destinations(again).c1);
  });

  it("never rotates clients of inactive managers and never gives to them", () => {
    const result = plan(
      [client("c1", "gone"), client("c2", "a"), client("c3", "b"), client("c4", "gone", { status: "lost" })],
      [manager("gone", 1, false), manager("a"), manager("b"), manager("off", 1, false)],
    );
    expect(destinations(result)).toEqual({ c2: "b", c3: "a" });
    expect(result.notes).toContainEqual({ code: "clients-with-inactive-owner", count: 1 });
  });

  it("uses only active, unpinned pool clients and prefers ones the manager never held", () => {
    const result = plan(
      [
        client("c1", "a"),
        client("p1", null, { pastOwnerIds: ["a"] }),
        client("p2", null, { pinned: true }),
        client("p3", null, { status: "lost" }),
        client("p4", null, { pastOwnerIds: ["b"] }),
      ],
      [manager("a"), manager("b")],
    );
    expect(destinations(result)).toEqual({ c1: "b", p4: "a" });
  });

  it("reports managers the pool could not make whole", () => {
    const result = plan(
      [client("a1", "a"), client("a2", "a"), client("a3", "a"), client("p1", null)],
      [manager("a"), manager("b")],
    );
    expect(result.perManager.a).toEqual({ gave: 3, received: 1, fromPool: 1, imbalance: -2 });
    expect(result.perManager.b).toEqual({ gave: 0, received: 3, fromPool: 0, imbalance: 3 });
    expect(result.notes).toContainEqual({ code: "pool-exhausted", managerId: "a", missing: 2 });
  });

  it("returns notes instead of throwing on degenerate teams", () => {
    expect(plan([], [])).toEqual({
      runId: "run-1",
      moves: [],
      perManager: {},
      unplaced: [],
      notes: [{ code: "no-managers" }, { code: "no-eligible-clients" }],
    });
    const nobodyActive = plan([client("c1", "a")], [manager("a", 1, false)]);
    expect(nobodyActive.moves).toEqual([]);
    expect(nobodyActive.notes).toEqual([
      { code: "no-active-managers" },
      { code: "clients-with-inactive-owner", count: 1 },
      { code: "no-eligible-clients" },
    ]);
    const nothingDue = plan([client("c1", "a", { assignedAt: RECENTLY })], [manager("a"), manager("b")]);
    expect(nothingDue.moves).toEqual([]);
    expect(nothingDue.notes).toEqual([{ code: "no-eligible-clients" }]);
  });

  it("leaves records with duplicate ids out instead of picking one by input order", () => {
    const result = plan([client("c1", "a"), client("c1", "b"), client("c2", "b")], [manager("a"), manager("b")]);
    expect(result.moves.map((move) => move.clientId)).not.toContain("c1");
    expect(result.notes).toContainEqual({ code: "duplicate-ids", kind: "client", ids: ["c1"] });
  });

  it("is repeatable for a run id and spreads clients differently for another", () => {
    const managers = ["a", "b", "c", "d", "e", "f"].map((id) => manager(id));
    const clients = Array.from({ length: 30 }, (_, i) => client(`c${i}`, "a"));
    const first = plan(clients, managers, "2025-06-01");
    expect(plan([...clients].reverse(), [...managers].reverse(), "2025-06-01")).toEqual(first);
    const other = plan(clients, managers, "2025-06-02");
    expect(destinations(other)).not.toEqual(destinations(first));
    // The spread itself stays even: 30 clients over 5 colleagues.
    for (const id of ["b", "c", "d", "e", "f"]) expect(first.perManager[id]!.received).toBe(6);
  });
});

describe("planDeactivation", () => {
  const team = [manager("gone", 2), manager("p", 2), manager("q", 2), manager("r", 2), manager("s", 1), manager("t", 2, false)];

  function deactivate(clients: PlannerClient[], managers = team, currentLoad: Record<string, number> = {}): RotationPlan {
    return planDeactivation({ runId: "run-1", leavingManagerId: "gone", clients, managers, currentLoad });
  }

  it("spreads the clients over same-level colleagues, lightest load first", () => {
    const clients = Array.from({ length: 7 }, (_, i) => client(`c${i}`, "gone"));
    const result = deactivate(clients, team, { p: 3, q: 0, r: 1, s: 0 });
    const final = ["p", "q", "r"].map((id) => ({ p: 3, q: 0, r: 1 })[id]! + result.perManager[id]!.received);
    expect(final.sort()).toEqual([3, 4, 4]);
    expect(result.perManager.gone).toEqual({ gave: 7, received: 0, fromPool: 0, imbalance: -7 });
    expect(result.moves.every((move) => move.reason === "manager-deactivated" && move.fromId === "gone")).toBe(true);
    expect(result.perManager.s).toBeUndefined();
  });

  it("moves pinned clients too and leaves lost ones", () => {
    const result = deactivate([client("c1", "gone", { pinned: true }), client("c2", "gone", { status: "lost" })]);
    expect(result.moves.map((move) => move.clientId)).toEqual(["c1"]);
    expect(result.unplaced).toEqual([]);
  });

  it("prefers a colleague who never held the client when loads tie", () => {
    const result = deactivate([client("c1", "gone", { pastOwnerIds: ["p", "r", "gone"] })]);
    expect(destinations(result)).toEqual({ c1: "q" });
    // A lighter load still wins over a fresh pair of hands.
    const lighter = deactivate([client("c1", "gone", { pastOwnerIds: ["p"] })], team, { q: 5, r: 5 });
    expect(destinations(lighter)).toEqual({ c1: "p" });
  });

  it("falls back to the nearest level, the higher one on a tie, and says so", () => {
    const split = [manager("gone", 2), manager("low", 1), manager("high", 3)];
    const result = deactivate([client("c1", "gone")], split);
    expect(destinations(result)).toEqual({ c1: "high" });
    expect(result.notes).toEqual([{ code: "nearest-level", level: 2, usedLevel: 3 }]);
    const closer = deactivate([client("c1", "gone")], [manager("gone", 2), manager("low", 1), manager("top", 4)]);
    expect(destinations(closer)).toEqual({ c1: "low" });
  });

  it("leaves everything unplaced when nobody else is active", () => {
    const result = deactivate([client("c1", "gone"), client("c2", "gone")], [manager("gone", 2), manager("t", 2, false)]);
    expect(result.moves).toEqual([]);
    expect(result.unplaced.map((entry) => entry.clientId)).toEqual(["c1", "c2"]);
    expect(result.unplaced[0]).toEqual({ clientId: "c1", reason: "manager-deactivated", why: "no-receiver" });
    expect(result.notes).toEqual([{ code: "no-active-managers" }]);
  });

  it("ignores clients the leaving manager does not own and an unknown leaver", () => {
    const foreign = deactivate([client("c1", "gone"), client("c2", "p")]);
    expect(foreign.moves.map((move) => move.clientId)).toEqual(["c1"]);
    expect(foreign.notes).toContainEqual({ code: "not-owned-by-leaving-manager", count: 1 });
    const unknown = deactivate([client("c1", "gone")], [manager("p", 2)]);
    expect(unknown.moves).toEqual([]);
    expect(unknown.notes).toEqual([{ code: "leaving-manager-unknown", managerId: "gone" }]);
  });
});

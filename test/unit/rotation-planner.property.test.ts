import fc from "fast-check";
import { describe, expect, it } from "vitest";
import dayjs from "../../src/shared/dayjs.js";
import { addUtcMonths } from "../../src/rotation/months.js";
import {
  eligibility,
  planDeactivation,
  planRotation,
  rotationDueAt,
  type PlannerClient,
  type PlannerManager,
  type PlannerRules,
  type RotationPlan,
  type RotationReason,
} from "../../src/rotation/planner.js";

// Properties of the planner on generated teams. Every check below is computed
// from the input alone (an oracle), never by re-running the planner's own logic.

const RUNS = { numRuns: 300 };
const MANAGER_IDS = ["m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7"];

const dateArb = (from: string, to: string) =>
  fc.date({ min: new Date(from), max: new Date(to), noInvalidDate: true });

const rulesArb: fc.Arbitrary<PlannerRules> = fc.record({
  neverBoughtEnabled: fc.boolean(),
  neverBoughtMonths: fc.integer({ min: 1, max: 24 }),
  lapsedEnabled: fc.boolean(),
  lapsedMonths: fc.integer({ min: 1, max: 36 }),
});

/** Mostly active managers on 1..3 levels, ids unique. */
const managersArb = (minLength = 0): fc.Arbitrary<PlannerManager[]> =>
  fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...MANAGER_IDS),
      level: fc.integer({ min: 1, max: 3 }),
      active: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
    }),
    { selector: (manager) => manager.id, minLength, maxLength: MANAGER_IDS.length },
  );

const dealsArb = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ dealCount: 0, lastDealAt: null as Date | null }) },
  { weight: 4, arbitrary: fc.record({ dealCount: fc.integer({ min: 1, max: 9 }), lastDealAt: dateArb("2019-01-01", "2025-12-31") }) },
  // Inconsistent records happen in real data; the planner must still behave.
  { weight: 1, arbitrary: fc.record({ dealCount: fc.constant(0), lastDealAt: dateArb("2019-01-01", "2025-12-31") }) },
);

interface ClientOptions {
  managerIds: string[];
  pool: boolean;
  keyAccounts: boolean;
  /** false: pastOwnerIds holds at most the current owner, so every colleague is "fresh". */
  histories: boolean;
}

const clientArb = (id: string, options: ClientOptions): fc.Arbitrary<PlannerClient> => {
  const owners: fc.Arbitrary<string | null>[] = [];
  if (options.managerIds.length > 0) owners.push(fc.constantFrom(...options.managerIds));
  if (options.pool) owners.push(fc.constant(null));
  if (options.histories) owners.push(fc.constant("ghost")); // an id no manager has
  return fc
    .record({
      ownerId: owners.length > 0 ? fc.oneof(...owners) : fc.constant(null),
      assignedAt: dateArb("2019-01-01", "2025-12-31"),
      deals: dealsArb,
      status: fc.oneof({ weight: 5, arbitrary: fc.constant("active" as const) }, { weight: 1, arbitrary: fc.constant("lost" as const) }),
      pinned: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      keyAccount: options.keyAccounts ? fc.integer({ min: 0, max: 3 }).map((n) => n === 0) : fc.constant(false),
      history: options.histories ? fc.subarray([...options.managerIds, "ghost"]) : fc.boolean().map((b) => (b ? ["owner"] : [])),
    })
    .map(({ deals, history, ...rest }) => ({
      id,
      ...rest,
      ...deals,
      pastOwnerIds: options.histories ? history : history.length > 0 && rest.ownerId !== null ? [rest.ownerId] : [],
    }));
};

const clientsArb = (options: ClientOptions, maxLength = 40): fc.Arbitrary<PlannerClient[]> =>
  fc.integer({ min: 0, max: maxLength }).chain((count) =>
    fc.tuple(...Array.from({ length: count }, (_, i) => clientArb(`c${String(i).padStart(3, "0")}`, options))),
  );

interface Team {
  runId: string;
  now: Date;
  managers: PlannerManager[];
  clients: PlannerClient[];
  rules: PlannerRules;
}

const teamArb = (options: Omit<ClientOptions, "managerIds">, minManagers = 0): fc.Arbitrary<Team> =>
  managersArb(minManagers).chain((managers) =>
    fc.record({
      runId: fc.string({ maxLength: 8 }),
      now: dateArb("2020-06-01", "2026-12-31"),
      managers: fc.constant(managers),
      clients: clientsArb({ ...options, managerIds: managers.map((manager) => manager.id) }),
      rules: rulesArb,
    }),
  );

const fullTeamArb = teamArb({ pool: true, keyAccounts: true, histories: true });

/** Reproducible shuffle driven by a fast-check seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed >>> 0;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** What the team looks like to the rules, computed without the planner. */
class TeamView {
  readonly active = new Map<string, PlannerManager>();
  readonly levels: number[];

  constructor(readonly team: Team) {
    for (const manager of team.managers) if (manager.active) this.active.set(manager.id, manager);
    this.levels = [...new Set([...this.active.values()].map((manager) => manager.level))].sort((a, b) => a - b);
  }

  /** Eligible by the rules AND held by an active manager. */
  reason(client: PlannerClient): RotationReason | null {
    if (client.ownerId === null || !this.active.has(client.ownerId)) return null;
    return eligibility(client, this.team.now, this.team.rules);
  }

  targetLevel(client: PlannerClient): number {
    const level = this.active.get(client.ownerId!)!.level;
    return client.keyAccount ? (this.levels.find((l) => l > level) ?? level) : level;
  }

  /** Everyone allowed to take the client: active, on the target level, not the owner. */
  candidates(client: PlannerClient): PlannerManager[] {
    const level = this.targetLevel(client);
    return [...this.active.values()].filter((manager) => manager.level === level && manager.id !== client.ownerId);
  }

  inPool(client: PlannerClient): boolean {
    return client.ownerId === null && client.status === "active" && !client.pinned;
  }
}

function plan(team: Team): RotationPlan {
  return planRotation(team);
}

describe("eligibility (generated)", () => {
  it("adds calendar months exactly as dayjs.utc().add() does", () => {
    fc.assert(
      fc.property(dateArb("1900-01-01", "2200-12-31"), fc.integer({ min: -40, max: 130 }), (date, months) => {
        expect(addUtcMonths(date.getTime(), months)).toBe(dayjs.utc(date).add(months, "month").valueOf());
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with a dayjs reference and with rotationDueAt", () => {
    const clientsArbForOne = clientArb("c", { managerIds: ["m0"], pool: true, keyAccounts: true, histories: true });
    fc.assert(
      fc.property(clientsArbForOne, dateArb("2019-01-01", "2027-12-31"), rulesArb, (client, now, rules) => {
        let expected: RotationReason | null = null;
        if (!client.pinned && client.status === "active" && client.ownerId !== null) {
          const bought = client.dealCount > 0 || client.lastDealAt !== null;
          const assigned = dayjs.utc(client.assignedAt);
          if (!bought && rules.neverBoughtEnabled) {
            if (dayjs.utc(now).isAfter(assigned.add(rules.neverBoughtMonths, "month"))) expected = "never-bought";
          } else if (bought && rules.lapsedEnabled) {
            const lastDeal = client.lastDealAt ? dayjs.utc(client.lastDealAt) : assigned;
            const from = lastDeal.isAfter(assigned) ? lastDeal : assigned;
            if (dayjs.utc(now).isAfter(from.add(rules.lapsedMonths, "month"))) expected = "lapsed";
          }
        }
        expect(eligibility(client, now, rules)).toBe(expected);
        const due = rotationDueAt(client, rules);
        expect(expected !== null).toBe(due !== null && now.getTime() > due.getTime());
      }),
      { numRuns: 1000 },
    );
  });
});

describe("planRotation (generated)", () => {
  it("moves only eligible clients, to allowed receivers, each at most once", () => {
    fc.assert(
      fc.property(fullTeamArb, (team) => {
        const view = new TeamView(team);
        const result = plan(team);
        const byId = new Map(team.clients.map((client) => [client.id, client]));
        const seen = new Set<string>();
        for (const move of [...result.moves, ...result.unplaced]) {
          expect(seen.has(move.clientId)).toBe(false);
          seen.add(move.clientId);
        }
        for (const move of result.moves) {
          const client = byId.get(move.clientId)!;
          expect(view.active.has(move.toId)).toBe(true);
          expect(move.toId).not.toBe(client.ownerId);
          if (move.fromId === null) {
            expect(move.reason).toBe("pool-top-up");
            expect(view.inPool(client)).toBe(true);
            continue;
          }
          // Rotation moves: eligible, from the real owner, on the right level.
          expect(move.fromId).toBe(client.ownerId);
          expect(client.pinned || client.status === "lost").toBe(false);
          expect(move.reason).toBe(view.reason(client));
          expect(view.active.get(move.toId)!.level).toBe(view.targetLevel(client));
          // A former owner only when nobody fresh was allowed to take it.
          if (client.pastOwnerIds.includes(move.toId)) {
            expect(view.candidates(client).every((manager) => client.pastOwnerIds.includes(manager.id))).toBe(true);
          }
        }
        // Every eligible client is either moved or explained; unplaced only without any candidate.
        const unplaced = new Set(result.unplaced.map((entry) => entry.clientId));
        for (const client of team.clients) {
          const reason = view.reason(client);
          if (reason === null) {
            expect(seen.has(client.id) && !view.inPool(client)).toBe(false);
            continue;
          }
          expect(seen.has(client.id)).toBe(true);
          expect(unplaced.has(client.id)).toBe(view.candidates(client).length === 0);
        }
        for (const entry of result.unplaced) expect(entry.reason).toBe(view.reason(byId.get(entry.clientId)!));
      }),
      RUNS,
    );
  });

  it("tallies every manager and tops up from the pool until nobody is short or the pool is empty", () => {
    fc.assert(
      fc.property(fullTeamArb, (team) => {
        const view = new TeamView(team);
        const result = plan(team);
        expect(Object.keys(result.perManager).sort()).toEqual([...view.active.keys()].sort());
        const byId = new Map(team.clients.map((client) => [client.id, client]));
        for (const [id, tally] of Object.entries(result.perManager)) {
          const gave = result.moves.filter((move) => move.fromId === id).length;
          const received = result.moves.filter((move) => move.toId === id).length;
          const fromPool = result.moves.filter((move) => move.toId === id && move.fromId === null).length;
          expect(tally).toEqual({ gave, received, fromPool, imbalance: received - gave });
          // Top-ups only make a manager whole, never better off.
          if (fromPool > 0) expect(tally.imbalance).toBeLessThanOrEqual(0);
        }
        const moved = new Set(result.moves.map((move) => move.clientId));
        const pool = team.clients.filter((client) => view.inPool(client));
        const short = Object.entries(result.perManager).filter(([, tally]) => tally.imbalance < 0);
        // Anyone still short means the pool had nothing left to give.
        if (short.length > 0) expect(pool.every((client) => moved.has(client.id))).toBe(true);
        const exhausted = result.notes.filter((note) => note.code === "pool-exhausted");
        expect(exhausted).toEqual(short.map(([managerId, tally]) => ({ code: "pool-exhausted", managerId, missing: -tally.imbalance })));
        // A top-up the manager held before only when no fresh pool client was left for them.
        for (const move of result.moves) {
          if (move.fromId !== null || !byId.get(move.clientId)!.pastOwnerIds.includes(move.toId)) continue;
          const fresh = pool.filter((client) => !client.pastOwnerIds.includes(move.toId));
          expect(fresh.every((client) => moved.has(client.id))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("balances every level exactly when nobody gives more than half of it", () => {
    // Without key accounts and histories the level groups are independent and
    // "as many as you took" is reachable iff max(gave) <= total/2 in the level.
    let balancedLevels = 0;
    let dominatedLevels = 0;
    // All active on two levels, a late "now" and short periods: busy levels where most clients are due.
    const pureTeamArb = fc
      .uniqueArray(fc.record({ id: fc.constantFrom(...MANAGER_IDS), level: fc.integer({ min: 1, max: 2 }), active: fc.constant(true) }), {
        selector: (manager) => manager.id,
        minLength: 3,
        maxLength: MANAGER_IDS.length,
      })
      .chain((managers) =>
        fc.record({
          runId: fc.string({ maxLength: 8 }),
          now: dateArb("2026-01-01", "2026-12-31"),
          managers: fc.constant(managers),
          clients: clientsArb({ managerIds: managers.map((manager) => manager.id), pool: false, keyAccounts: false, histories: false }, 60),
          rules: fc.integer({ min: 1, max: 12 }).map((months) => ({
            neverBoughtEnabled: true,
            neverBoughtMonths: months,
            lapsedEnabled: true,
            lapsedMonths: months,
          })),
        }),
      );
    fc.assert(
      fc.property(pureTeamArb, (team) => {
        const view = new TeamView(team);
        const result = plan(team);
        expect(result.moves.every((move) => move.fromId !== null)).toBe(true);
        for (const level of view.levels) {
          const ids = [...view.active.values()].filter((manager) => manager.level === level).map((manager) => manager.id);
          const tallies = ids.map((id) => result.perManager[id]!);
          const total = tallies.reduce((sum, tally) => sum + tally.gave, 0);
          const most = Math.max(...tallies.map((tally) => tally.gave));
          if (total === 0) continue;
          if (2 * most <= total) {
            balancedLevels++;
            for (const tally of tallies) expect(tally.imbalance).toBe(0);
          } else {
            // One manager gives more than all colleagues together: they get all of those back.
            dominatedLevels++;
            const dominant = tallies.find((tally) => tally.gave === most)!;
            expect(dominant.received).toBe(total - most);
          }
        }
      }),
      { numRuns: 400 },
    );
    // The property is only as good as the cases it saw.
    expect(balancedLevels).toBeGreaterThan(150);
    expect(dominatedLevels).toBeGreaterThan(100);
  });

  it("gives the same plan for the same data and run id, whatever the input order, without touching the input", () => {
    fc.assert(
      fc.property(fullTeamArb, fc.integer(), (team, seed) => {
        const before = JSON.stringify(team);
        const first = plan(team);
        expect(JSON.stringify(team)).toBe(before);
        const shuffled = { ...team, clients: shuffle(team.clients, seed), managers: shuffle(team.managers, seed ^ 0x5bd1e995) };
        expect(plan(shuffled)).toEqual(first);
        expect(JSON.stringify(plan(shuffled))).toBe(JSON.stringify(first));
      }),
      RUNS,
    );
  });
});

interface Departure {
  runId: string;
  leavingManagerId: string;
  managers: PlannerManager[];
  clients: PlannerClient[];
  currentLoad: Record<string, number>;
  equalStart: boolean;
}

const departureArb: fc.Arbitrary<Departure> = managersArb(1).chain((managers) =>
  fc
    .record({
      runId: fc.string({ maxLength: 8 }),
      leavingManagerId: fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...managers.map((manager) => manager.id)) }, { weight: 1, arbitrary: fc.constant("unknown") }),
      equalStart: fc.boolean(),
      loads: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: managers.length, maxLength: managers.length }),
      start: fc.integer({ min: 0, max: 6 }),
      clients: clientsArb({ managerIds: managers.map((manager) => manager.id), pool: false, keyAccounts: true, histories: true }, 60),
    })
    .map(({ runId, leavingManagerId, equalStart, loads, start, clients }) => ({
      runId,
      leavingManagerId,
      managers,
      equalStart,
      // All clients belong to the leaver, as the caller promises.
      clients: clients.map((client) => ({ ...client, ownerId: leavingManagerId })),
      currentLoad: Object.fromEntries(managers.map((manager, i) => [manager.id, equalStart ? start : loads[i]!])),
    })),
);

describe("planDeactivation (generated)", () => {
  it("hands every active client to an active colleague of the same or nearest level, balanced by count", () => {
    fc.assert(
      fc.property(departureArb, (departure) => {
        const result = planDeactivation(departure);
        const leaving = departure.managers.find((manager) => manager.id === departure.leavingManagerId);
        const others = departure.managers.filter((manager) => manager.active && manager.id !== departure.leavingManagerId);
        const active = departure.clients.filter((client) => client.status === "active");
        if (!leaving || others.length === 0) {
          expect(result.moves).toEqual([]);
          expect(result.unplaced.map((entry) => entry.clientId).sort()).toEqual(active.map((client) => client.id).sort());
          return;
        }
        // Oracle for the receiving level: same, else nearest, a tie going up.
        const levels = [...new Set(others.map((manager) => manager.level))];
        const distance = (level: number) => Math.abs(level - leaving.level);
        const level = levels.sort((a, b) => distance(a) - distance(b) || b - a)[0]!;
        const receivers = others.filter((manager) => manager.level === level);
        expect(result.unplaced).toEqual([]);
        expect(result.moves.map((move) => move.clientId).sort()).toEqual(active.map((client) => client.id).sort());
        for (const move of result.moves) {
          expect(move).toMatchObject({ fromId: departure.leavingManagerId, reason: "manager-deactivated" });
          expect(receivers.map((manager) => manager.id)).toContain(move.toId);
        }
        const initial = receivers.map((manager) => departure.currentLoad[manager.id]!);
        const final = receivers.map((manager) => departure.currentLoad[manager.id]! + result.perManager[manager.id]!.received);
        // Lowest-load-first never lifts anyone above the old peak unless everyone is level with them.
        expect(Math.max(...final)).toBeLessThanOrEqual(Math.max(Math.max(...initial), Math.min(...final) + 1));
        if (departure.equalStart) expect(Math.max(...final) - Math.min(...final)).toBeLessThanOrEqual(1);
      }),
      RUNS,
    );
  });

  it("is deterministic whatever the input order", () => {
    fc.assert(
      fc.property(departureArb, fc.integer(), (departure, seed) => {
        const first = planDeactivation(departure);
        const shuffled = { ...departure, clients: shuffle(departure.clients, seed), managers: shuffle(departure.managers, ~seed) };
        expect(planDeactivation(shuffled)).toEqual(first);
      }),
      RUNS,
    );
  });
});

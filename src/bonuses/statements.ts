import type { Types } from "mongoose";
import { Member } from "../teams/member.model.js";
import { BonusLine, type BonusLineDoc } from "./bonus-line.model.js";
import type { BonusKind, BonusStatus } from "./calculator.js";
import { summarizeStatement, type StatementLine, type StatementSummary } from "./statement.js";

export interface ForfeitLine {
  reason: string;
  amountMinor: number;
  count: number;
}

export interface ManagerStatement {
  managerId: string;
  name: string;
  telegramId: number;
  summary: StatementSummary;
  forfeits: ForfeitLine[];
  /** The first lines of the month, for the message (the CSV has them all). */
  lines: BonusLineDoc[];
  lineCount: number;
}

export interface TeamStatement {
  month: string;
  managers: ManagerStatement[];
  total: StatementSummary;
}

const SHOWN_LINES = 15;

interface MonthGroup {
  _id: { managerId: Types.ObjectId; kind: BonusKind; status: BonusStatus; reason: string | null };
  amountMinor: number;
  count: number;
}
interface HeldGroup {
  _id: { managerId: Types.ObjectId; releaseAt: Date };
  amountMinor: number;
}

/**
 * Statements of one month for a team (or one manager, for /bonus): totals
 * by kind, what is held and until when, what was forfeited and why. Sums are
 * computed by the database ($group), so the work per statement does not grow
 * with the number of deals: two aggregations, the members, and one short
 * query per manager for the lines shown in the message.
 */
export async function buildStatements(teamId: Types.ObjectId, month: string, onlyManager?: Types.ObjectId): Promise<TeamStatement> {
  const scope = { teamId, voidedAt: null, ...(onlyManager ? { managerId: onlyManager } : {}) };
  const [monthGroups, heldGroups, members] = await Promise.all([
    BonusLine.aggregate<MonthGroup>([
      { $match: { ...scope, payableMonth: month } },
      { $group: { _id: { managerId: "$managerId", kind: "$kind", status: "$status", reason: "$reason" }, amountMinor: { $sum: "$amountMinor" }, count: { $sum: 1 } } },
    ]),
    BonusLine.aggregate<HeldGroup>([
      { $match: { ...scope, status: "held" } },
      { $group: { _id: { managerId: "$managerId", releaseAt: "$releaseAt" }, amountMinor: { $sum: "$amountMinor" } } },
    ]),
    Member.find({ teamId, ...(onlyManager ? { _id: onlyManager } : {}) }, { name: 1, telegramId: 1 }).lean(),
  ]);

  // Summed groups stand in for lines: summarizeStatement only adds amounts up.
  const pseudo = new Map<string, StatementLine[]>();
  const counts = new Map<string, number>();
  const forfeits = new Map<string, ForfeitLine[]>();
  const push = (id: string, line: StatementLine) => pseudo.set(id, [...(pseudo.get(id) ?? []), line]);
  for (const g of monthGroups) {
    const id = String(g._id.managerId);
    push(id, { kind: g._id.kind, status: g._id.status, amountMinor: g.amountMinor, payableMonth: month, releaseAt: null, dealId: "", clientId: "" });
    counts.set(id, (counts.get(id) ?? 0) + g.count);
    if (g._id.status === "forfeited") forfeits.set(id, [...(forfeits.get(id) ?? []), { reason: g._id.reason ?? "", amountMinor: g.amountMinor, count: g.count }]);
  }
  for (const g of heldGroups) {
    push(String(g._id.managerId), { kind: "uplift", status: "held", amountMinor: g.amountMinor, payableMonth: "", releaseAt: g._id.releaseAt, dealId: "", clientId: "" });
  }

  const statements: ManagerStatement[] = [];
  for (const m of members) {
    const id = String(m._id);
    if (!pseudo.has(id)) continue;
    const lines = await BonusLine.find({ ...scope, managerId: m._id, payableMonth: month }).sort({ dealAt: 1, _id: 1 }).limit(SHOWN_LINES).lean();
    statements.push({
      managerId: id,
      name: m.name,
      telegramId: m.telegramId,
      summary: summarizeStatement(pseudo.get(id)!, month),
      forfeits: forfeits.get(id) ?? [],
      lines,
      lineCount: counts.get(id) ?? 0,
    });
  }
  statements.sort((a, b) => a.name.localeCompare(b.name));
  return { month, managers: statements, total: summarizeStatement([...pseudo.values()].flat(), month) };
}

/** Every line of the month, streamed in batches (the director's CSV). */
export function monthLinesCursor(teamId: Types.ObjectId, month: string) {
  return BonusLine.find({ teamId, payableMonth: month, voidedAt: null }).sort({ managerId: 1, dealAt: 1, _id: 1 }).lean().cursor({ batchSize: 1000 });
}

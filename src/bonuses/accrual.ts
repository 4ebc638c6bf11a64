import { Types } from "mongoose";
import { Deal, type DealDoc } from "../deals/deal.model.js";
import { Team } from "../teams/team.model.js";
import { BonusLine, type BonusLineDoc } from "./bonus-line.model.js";
import { accrueDeal, type BonusLineDraft } from "./calculator.js";

export const lineId = (dealId: Types.ObjectId | string, kind: string): string => `${dealId}:${kind}`;

/** The calculator's view of a stored deal. */
export function dealFacts(deal: Pick<DealDoc, "_id" | "clientId" | "managerId" | "amountMinor" | "profitMinor" | "at" | "sequence">) {
  return {
    dealId: String(deal._id),
    clientId: String(deal.clientId),
    managerId: String(deal.managerId),
    amountMinor: deal.amountMinor,
    profitMinor: deal.profitMinor,
    date: deal.at,
    sequence: deal.sequence,
  };
}

export function lineDocument(deal: Pick<DealDoc, "_id" | "teamId" | "at">, draft: BonusLineDraft, now: Date): BonusLineDoc {
  return {
    _id: lineId(deal._id, draft.kind),
    teamId: deal.teamId,
    managerId: new Types.ObjectId(draft.managerId),
    clientId: new Types.ObjectId(draft.clientId),
    dealId: deal._id,
    kind: draft.kind,
    rateBp: draft.rateBp,
    amountMinor: draft.amountMinor,
    status: draft.status,
    payableMonth: draft.payableMonth,
    releaseAt: draft.releaseAt,
    dealAt: deal.at,
    reason: null,
    resolvedAt: null,
    resolvedBy: null,
    voidedAt: null,
    createdAt: now,
  };
}

/**
 * Consumes "deal recorded": writes the deal's bonus lines under the plan the
 * deal was logged with. Exactly once per deal whatever the deliveries: each
 * line is an upsert on `<deal>:<kind>` that only inserts.
 */
export async function accrueDealLines(dealId: Types.ObjectId, now: Date): Promise<number> {
  const deal = await Deal.findById(dealId).lean();
  if (!deal || deal.deletedAt) return 0;
  const team = await Team.findById(deal.teamId, { timezone: 1 }).lean();
  if (!team) {
    // Nothing to accrue for a team that is gone; marked so the sweep stops looking at it.
    await Deal.updateOne({ _id: deal._id, accruedAt: null }, { $set: { accruedAt: now } });
    return 0;
  }
  const drafts = accrueDeal(deal.bonusPlan, dealFacts(deal), team.timezone);
  const result = await BonusLine.bulkWrite(
    drafts.map((d) => ({ updateOne: { filter: { _id: lineId(deal._id, d.kind) }, update: { $setOnInsert: lineDocument(deal, d, now) }, upsert: true } })),
    { ordered: false },
  );
  await Deal.updateOne({ _id: deal._id, accruedAt: null }, { $set: { accruedAt: now } });
  return result.upsertedCount;
}

/** Deals whose event was lost (an enqueue that failed after the deal was written): picked up by the team clock. */
export async function unaccruedDeals(olderThan: Date, limit = 500): Promise<Types.ObjectId[]> {
  const deals = await Deal.find({ accruedAt: null, deletedAt: null, createdAt: { $lte: olderThan } }, { _id: 1 }).limit(limit).lean();
  return deals.map((d) => d._id);
}

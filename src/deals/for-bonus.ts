import { Types } from "mongoose";
import type { BonusPlan } from "../teams/team-settings.js";
import { Deal, revisionFilter, revisionOf, type DealChange, type DealDoc } from "./deal.model.js";

/**
 * What deals tell the consumer of their events (the bonus engine): a small
 * read-only view of a deal and the bookkeeping of what it has taken in. The
 * dependency points one way: src/bonuses reads deals through these functions,
 * deals know nothing of bonuses.
 */
export interface DealForBonus {
  id: Types.ObjectId;
  teamId: Types.ObjectId;
  clientId: Types.ObjectId;
  managerId: Types.ObjectId;
  amountMinor: number;
  profitMinor: number | null;
  /** The deal's instant (local midnight of its date). */
  at: Date;
  sequence: number;
  /** The plan the deal was logged under. */
  bonusPlan: BonusPlan;
  deleted: boolean;
  revision: number;
  /** The latest revision already taken in (0: none yet). */
  accruedRevision: number;
  /** Changes the consumer has not taken in yet, oldest first. */
  pendingChanges: DealChange[];
}

const accruedRevisionOf = (deal: Pick<DealDoc, "accruedRevision" | "accruedAt">) => deal.accruedRevision ?? (deal.accruedAt ? 1 : 0);

function toDealForBonus(deal: DealDoc): DealForBonus {
  const accruedRevision = accruedRevisionOf(deal);
  return {
    id: deal._id,
    teamId: deal.teamId,
    clientId: deal.clientId,
    managerId: deal.managerId,
    amountMinor: deal.amountMinor,
    profitMinor: deal.profitMinor,
    at: deal.at,
    sequence: deal.sequence,
    bonusPlan: deal.bonusPlan,
    deleted: deal.deletedAt !== null,
    revision: revisionOf(deal),
    accruedRevision,
    pendingChanges: (deal.changes ?? []).filter((c) => c.revision > accruedRevision),
  };
}

const asId = (id: Types.ObjectId | string): Types.ObjectId | null =>
  typeof id === "string" ? (/^[0-9a-f]{24}$/.test(id) ? new Types.ObjectId(id) : null) : id;

/** The deal as it stands now, whatever happened to it (deleted deals too). */
export async function dealForBonus(dealId: Types.ObjectId | string): Promise<DealForBonus | null> {
  const id = asId(dealId);
  if (!id) return null;
  const deal = await Deal.findById(id).lean();
  return deal ? toDealForBonus(deal) : null;
}

/**
 * Takes the deal for the consumer for `leaseMs` (one worker at a time per
 * deal, so a slow worker's older reading never lands after a newer one; a
 * crashed worker's lease runs out), and returns it as it stands now: "busy"
 * when another worker holds it, "missing" when there is no such deal.
 */
export async function claimDealForBonus(dealId: Types.ObjectId | string, owner: string, leaseMs: number): Promise<DealForBonus | "busy" | "missing"> {
  const id = asId(dealId);
  if (!id) return "missing";
  // Leases are about real processes, so real time, not the business clock.
  const now = new Date();
  const deal = await Deal.findOneAndUpdate(
    { _id: id, $or: [{ accrualLeaseUntil: null }, { accrualLeaseUntil: { $lt: now } }, { accrualLeaseOwner: owner }] },
    { $set: { accrualLeaseOwner: owner, accrualLeaseUntil: new Date(now.getTime() + leaseMs) } },
    { returnDocument: "after" },
  ).lean();
  if (deal) return toDealForBonus(deal);
  return (await Deal.exists({ _id: id })) ? "busy" : "missing";
}

/**
 * The consumer took in `revision` and lets the deal go. Returns true when
 * that is the deal's latest revision (the deal no longer waits), false when
 * a newer change arrived meanwhile (the consumer should look again).
 */
export async function releaseDealForBonus(dealId: Types.ObjectId, owner: string, revision: number, now: Date): Promise<boolean> {
  const latest = await Deal.updateOne(
    { _id: dealId, accrualLeaseOwner: owner, ...revisionFilter(revision) },
    { $set: { accruedRevision: revision, accruedAt: now, accrualLeaseOwner: null, accrualLeaseUntil: null } },
  );
  if (latest.matchedCount === 1) return true;
  await Deal.updateOne(
    { _id: dealId, accrualLeaseOwner: owner },
    { $set: { accruedRevision: revision, accrualLeaseOwner: null, accrualLeaseUntil: null } },
  );
  return false;
}

/** Deals whose latest change was not taken in by `olderThan` (a lost event, a failed consumer): for the sweep. */
export async function dealsAwaitingBonus(olderThan: Date, limit = 500): Promise<Types.ObjectId[]> {
  const deals = await Deal.find(
    { accruedAt: null, $or: [{ changedAt: { $lte: olderThan } }, { changedAt: null, createdAt: { $lte: olderThan } }] },
    { _id: 1 },
  )
    .limit(limit)
    .lean();
  return deals.map((d) => d._id);
}

/** Dates of every deal that counts (not deleted) of these clients, by client id. */
export async function dealDatesByClient(clientIds: readonly Types.ObjectId[]): Promise<Map<string, Date[]>> {
  const deals = await Deal.find({ clientId: { $in: clientIds }, deletedAt: null }, { clientId: 1, at: 1 }).lean();
  const dates = new Map<string, Date[]>();
  for (const d of deals) {
    const key = String(d.clientId);
    const list = dates.get(key);
    if (list) list.push(d.at);
    else dates.set(key, [d.at]);
  }
  return dates;
}

/** The plan each deal was logged under, by deal id. */
export async function bonusPlansOf(dealIds: readonly Types.ObjectId[]): Promise<Map<string, BonusPlan>> {
  const deals = await Deal.find({ _id: { $in: dealIds } }, { bonusPlan: 1 }).lean();
  return new Map(deals.map((d) => [String(d._id), d.bonusPlan]));
}

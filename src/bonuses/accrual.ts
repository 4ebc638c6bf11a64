import { randomUUID } from "node:crypto";
import { Types } from "mongoose";
import { claimDealForBonus, dealsAwaitingBonus, releaseDealForBonus, type DealForBonus } from "../deals/for-bonus.js";
import { isDuplicateKeyError } from "../shared/mongo-errors.js";
import { Team } from "../teams/team.model.js";
import { BonusAudit, BonusLine, type BonusAuditDoc, type BonusLineDoc } from "./bonus-line.model.js";
import { accrueDeal, type BonusLineDraft, type DealFacts } from "./calculator.js";

/**
 * The bonus engine's side of deal events ("deal.recorded", "deal.corrected",
 * "deal.deleted"): it brings a deal's bonus lines up to the deal as it stands
 * now. One function for all three, so an event that arrives late, twice, out
 * of order, or never (the sweep finds the deal) ends in the same lines:
 *
 * - a new deal gets its lines under the plan it was logged with;
 * - a corrected deal gets the amounts of its lines recomputed; a line already
 *   released or forfeited keeps its fate; a kind the deal no longer earns
 *   (uplift capped away) stops counting;
 * - a deleted deal's lines stop counting;
 * - every correction or deletion leaves one audit entry: the lines before
 *   and after, who changed the deal, and what changed.
 *
 * One worker at a time per deal (a lease on the deal), so a slow worker's
 * older reading never lands after a newer one; lines are keyed `<deal>:<kind>`.
 */

export const lineId = (dealId: Types.ObjectId | string, kind: string): string => `${String(dealId)}:${kind}`;

/** The calculator's view of a deal. */
export function dealFacts(deal: { id: Types.ObjectId; clientId: Types.ObjectId; managerId: Types.ObjectId; amountMinor: number; profitMinor: number | null; at: Date; sequence: number }): DealFacts {
  return {
    dealId: String(deal.id),
    clientId: String(deal.clientId),
    managerId: String(deal.managerId),
    amountMinor: deal.amountMinor,
    profitMinor: deal.profitMinor,
    date: deal.at,
    sequence: deal.sequence,
  };
}

export function lineDocument(deal: { _id: Types.ObjectId; teamId: Types.ObjectId; at: Date }, draft: BonusLineDraft, now: Date): BonusLineDoc {
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
    noticePending: false,
    voidedAt: null,
    createdAt: now,
  };
}

const LEASE_MS = 2 * 60 * 1000;

/**
 * Brings the deal's bonus lines up to date. Returns how many lines it wrote
 * or changed (0 when they already were), "busy" when another worker holds
 * the deal (that worker takes in the newest change before it lets go), or
 * "missing" for an id that names no deal.
 */
export async function syncDealLines(dealId: Types.ObjectId | string, now: Date): Promise<number | "busy" | "missing"> {
  const owner = randomUUID();
  let written = 0;
  for (;;) {
    const deal = await claimDealForBonus(dealId, owner, LEASE_MS);
    if (typeof deal === "string") return written === 0 ? deal : written;
    if (deal.accruedRevision >= deal.revision) {
      await releaseDealForBonus(deal.id, owner, deal.revision, now);
      return written;
    }
    written += await applyDeal(deal, now);
    // A change that came in while we worked is taken in on the next round.
    if (await releaseDealForBonus(deal.id, owner, deal.revision, now)) return written;
  }
}

async function applyDeal(deal: DealForBonus, now: Date): Promise<number> {
  const team = await Team.findById(deal.teamId, { timezone: 1 }).lean();
  // Nothing to accrue for a team that is gone: the deal is marked taken in, so the sweep stops looking at it.
  if (!team) return 0;
  const drafts = deal.deleted ? [] : accrueDeal(deal.bonusPlan, dealFacts(deal), team.timezone);
  const stored = await BonusLine.find({ dealId: deal.id }).lean();
  const counting = stored.filter((l) => l.voidedAt === null);
  const kinds = new Set(drafts.map((d) => d.kind));
  const statusOf = new Map(stored.map((l) => [l.kind, l.status]));
  const after = drafts.map((d) => ({ kind: d.kind, amountMinor: d.amountMinor, status: statusOf.get(d.kind) ?? d.status }));

  // The audit entry first: a retry after a crash finds it and keeps the "before" it recorded.
  if (deal.pendingChanges.length > 0) await audit(deal, counting, after);

  const doc = { _id: deal.id, teamId: deal.teamId, at: deal.at };
  const result = await BonusLine.bulkWrite(
    [
      ...drafts.map((d) => {
        // Amounts follow the deal; status, month and release date are the line's own once written.
        const { amountMinor, rateBp, voidedAt, ...insertOnly } = lineDocument(doc, d, now);
        return {
          updateOne: {
            filter: { _id: lineId(deal.id, d.kind) },
            update: { $set: { amountMinor, rateBp, voidedAt }, $setOnInsert: insertOnly },
            upsert: true,
          },
        };
      }),
      ...counting.filter((l) => !kinds.has(l.kind)).map((l) => ({ updateOne: { filter: { _id: l._id }, update: { $set: { voidedAt: now } } } })),
    ],
    { ordered: false },
  );
  return result.upsertedCount + result.modifiedCount;
}

type LineState = BonusAuditDoc["before"][number];
const snapshot = (lines: readonly LineState[]): LineState[] => lines.map((l) => ({ kind: l.kind, amountMinor: l.amountMinor, status: l.status }));

/** One entry per revision taken in: the lines before and after, who changed the deal, and what changed. */
async function audit(deal: DealForBonus, before: readonly LineState[], after: readonly LineState[]): Promise<void> {
  const changes = deal.pendingChanges;
  const last = changes.at(-1)!;
  try {
    await BonusAudit.updateOne(
      { key: `${String(deal.id)}:${deal.revision}` },
      {
        $setOnInsert: {
          teamId: deal.teamId,
          dealId: deal.id,
          action: last.action === "deleted" ? "deal-deleted" : "deal-edited",
          actorId: last.actorId,
          at: last.at,
          before: snapshot(before),
          after: snapshot(after),
          change: changes.length === 1 ? last.change : { changes: changes.map((c) => ({ action: c.action, at: c.at, ...c.change })) },
        },
      },
      { upsert: true },
    );
  } catch (err) {
    // Two workers upserting the same entry at once: the other one wrote it.
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/** Deals whose event was lost (or whose consumer failed): the team clock brings them up to date, each on its own. */
export async function dealsToSync(olderThan: Date, limit = 500): Promise<Types.ObjectId[]> {
  return dealsAwaitingBonus(olderThan, limit);
}

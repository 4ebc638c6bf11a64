import { Types } from "mongoose";
import { lineDocument, lineId, dealFacts } from "../bonuses/accrual.js";
import { BonusAudit, BonusLine } from "../bonuses/bonus-line.model.js";
import { accrueDeal } from "../bonuses/calculator.js";
import { ClientEvent } from "../clients/client-event.model.js";
import { Client } from "../clients/client.model.js";
import type { Viewer } from "../clients/viewer.js";
import { storedRotationDueAt } from "../rotation/from-documents.js";
import { currencyMinorDigits } from "../shared/parse/amount.js";
import { fail, ok, type Result } from "../shared/result.js";
import type { RotationSettings } from "../teams/team-settings.js";
import { Deal, type DealDoc } from "./deal.model.js";

/**
 * Correcting and deleting deals. A manager may touch the deals they closed on
 * clients they still hold; a director any deal of the team. The deal's bonus
 * lines are recomputed under the plan the deal was logged with, and the
 * before/after of the lines is kept in the audit trail.
 */

export async function findEditableDeal(viewer: Viewer, dealId: string): Promise<DealDoc | null> {
  if (!/^[0-9a-f]{24}$/i.test(dealId)) return null;
  const deal = await Deal.findOne({ _id: new Types.ObjectId(dealId), teamId: viewer.teamId, deletedAt: null }).lean();
  if (!deal) return null;
  if (viewer.role === "director") return deal;
  if (!deal.managerId.equals(viewer.memberId)) return null;
  return (await Client.exists({ _id: deal.clientId, ownerId: viewer.memberId })) ? deal : null;
}

/** Recent deals of a client the viewer may see, for the card's deal list. */
export async function recentDeals(clientId: Types.ObjectId, limit = 10): Promise<DealDoc[]> {
  return Deal.find({ clientId, deletedAt: null }).sort({ at: -1, _id: -1 }).limit(limit).lean();
}

/** "12500.50": how an amount reads in the client's history, whatever the reader's language. */
const major = (minor: number, currency: string) => {
  const digits = currencyMinorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
};

type LineState = { kind: string; amountMinor: number; status: string };
const snapshot = (lines: LineState[]) => lines.map((l) => ({ kind: l.kind, amountMinor: l.amountMinor, status: l.status }));

/** The audit entry (lines before and after) and the line in the client's history, for any change to a deal. */
async function logDealChange(
  deal: DealDoc,
  viewer: Viewer,
  now: Date,
  entry: { action: "deal-edited" | "deal-deleted"; before: LineState[]; after: LineState[]; change: Record<string, unknown>; shownAs: string },
): Promise<void> {
  await BonusAudit.create({
    teamId: deal.teamId,
    dealId: deal._id,
    action: entry.action,
    actorId: viewer.memberId,
    at: now,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
    change: entry.change,
  });
  await ClientEvent.create({
    teamId: deal.teamId,
    clientId: deal.clientId,
    kind: "edited",
    at: now,
    actorId: viewer.memberId,
    data: { field: "deal", from: major(deal.amountMinor, deal.currency), to: entry.shownAs },
  });
}

export async function editDeal(input: {
  viewer: Viewer;
  dealId: string;
  change: { amountMinor?: number; profitMinor?: number | null };
  timezone: string;
  now: Date;
}): Promise<Result<DealDoc, "not-found">> {
  const deal = await findEditableDeal(input.viewer, input.dealId);
  if (!deal) return fail("not-found");
  const updated = await Deal.findOneAndUpdate({ _id: deal._id, deletedAt: null }, { $set: input.change }, { returnDocument: "after" }).lean();
  if (!updated) return fail("not-found");

  const before = await BonusLine.find({ dealId: deal._id, voidedAt: null }).lean();
  const drafts = accrueDeal(updated.bonusPlan, dealFacts(updated), input.timezone);
  const kinds = new Set(drafts.map((d) => d.kind));
  await BonusLine.bulkWrite(
    [
      // Amounts follow the deal; a line already released or forfeited keeps its fate.
      ...drafts.map((d) => {
        const { amountMinor, rateBp, voidedAt, ...insertOnly } = lineDocument(updated, d, input.now);
        return {
          updateOne: {
            filter: { _id: lineId(deal._id, d.kind) },
            update: { $set: { amountMinor, rateBp, voidedAt }, $setOnInsert: insertOnly },
            upsert: true,
          },
        };
      }),
      // A kind the corrected deal no longer earns (e.g. uplift capped away) stops counting.
      ...before.filter((l) => !kinds.has(l.kind)).map((l) => ({ updateOne: { filter: { _id: l._id }, update: { $set: { voidedAt: input.now } } } })),
    ],
    { ordered: false },
  );
  const after = await BonusLine.find({ dealId: deal._id, voidedAt: null }).lean();
  await logDealChange(deal, input.viewer, input.now, {
    action: "deal-edited",
    before,
    after,
    change: { from: { amountMinor: deal.amountMinor, profitMinor: deal.profitMinor }, to: input.change },
    shownAs: major(updated.amountMinor, deal.currency),
  });
  return ok(updated);
}

/**
 * Deletes a deal: it stays in the database for the audit trail, its bonus
 * lines stop counting, and the client's deal counters are recomputed from
 * the deals that remain.
 */
export async function deleteDeal(input: { viewer: Viewer; dealId: string; rotation: RotationSettings; now: Date }): Promise<Result<DealDoc, "not-found">> {
  const deal = await findEditableDeal(input.viewer, input.dealId);
  if (!deal) return fail("not-found");
  const deleted = await Deal.findOneAndUpdate({ _id: deal._id, deletedAt: null }, { $set: { deletedAt: input.now } }, { returnDocument: "after" }).lean();
  if (!deleted) return fail("not-found");
  const before = await BonusLine.find({ dealId: deal._id, voidedAt: null }).lean();
  await BonusLine.updateMany({ dealId: deal._id, voidedAt: null }, { $set: { voidedAt: input.now } });
  await logDealChange(deal, input.viewer, input.now, { action: "deal-deleted", before, after: [], change: { amountMinor: deal.amountMinor }, shownAs: "—" });

  const [stats] = await Deal.aggregate<{ count: number; first: Date; last: Date }>([
    { $match: { clientId: deal.clientId, deletedAt: null } },
    { $group: { _id: null, count: { $sum: 1 }, first: { $min: "$at" }, last: { $max: "$at" } } },
  ]);
  const counters = { dealCount: stats?.count ?? 0, firstDealAt: stats?.first ?? null, lastDealAt: stats?.last ?? null };
  const client = await Client.findOneAndUpdate({ _id: deal.clientId }, { $set: counters }, { returnDocument: "after" }).lean();
  if (client) await Client.updateOne({ _id: client._id }, { $set: { rotationDueAt: storedRotationDueAt(client, input.rotation) } });
  return ok(deleted);
}

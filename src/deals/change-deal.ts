import { ClientEvent } from "../clients/client-event.model.js";
import { Client } from "../clients/client.model.js";
import type { Viewer } from "../clients/viewer.js";
import type { JobQueue } from "../queue/job-queue.js";
import { storedRotationDueAt } from "../rotation/from-documents.js";
import { derivedObjectId } from "../shared/derived-id.js";
import { currencyMinorDigits } from "../shared/parse/amount.js";
import { fail, ok, type Result } from "../shared/result.js";
import type { ActorRef } from "../teams/actor.js";
import { loadTeamFacts } from "../teams/team-facts.js";
import { findEditableDeal, viewerOfActor, type DealAccessError } from "./deal-access.js";
import { Deal, revisionFilter, revisionOf, type DealChange, type DealDoc } from "./deal.model.js";

/**
 * Correcting and deleting deals. Each change raises the deal's revision in
 * one conditional update (on the revision read, so two changes at once never
 * overwrite each other), is written to the client's history, and is published
 * as a job ("deal.corrected", "deal.deleted"): the bonus engine recomputes the
 * deal's lines from it, under the plan the deal was logged with, and keeps the
 * before/after in its audit trail. Nothing here knows about bonuses.
 */

export type DealCorrection = { amountMinor: number } | { profitMinor: number | null };

export async function correctDeal(input: {
  actor: ActorRef;
  dealId: string;
  change: DealCorrection;
  now: Date;
  jobs: JobQueue;
}): Promise<Result<DealDoc, DealAccessError | "amount-invalid">> {
  if (!validCorrection(input.change)) return fail("amount-invalid");
  const viewer = await viewerOfActor(input.actor);
  if (!viewer.ok) return viewer;
  // Only the field being corrected, whatever else the object carries.
  const set = "amountMinor" in input.change ? { amountMinor: input.change.amountMinor } : { profitMinor: input.change.profitMinor };
  const updated = await changeDeal(viewer.value, input.dealId, input.now, (deal) => ({
    set,
    action: "corrected",
    change: { from: { amountMinor: deal.amountMinor, profitMinor: deal.profitMinor }, to: set },
  }));
  if (!updated) return fail("not-found");
  const before = updated.changes!.at(-1)!.change.from as { amountMinor: number };
  await historyLine(updated, viewer.value, input.now, before.amountMinor, major(updated.amountMinor, updated.currency));
  await input.jobs.enqueue("deal.corrected", { dealId: String(updated._id), revision: revisionOf(updated) });
  return ok(updated);
}

/**
 * Deletes a deal: it stays in the database for the audit trail, stops
 * counting everywhere, and the client's deal counters are recomputed from the
 * deals that remain. Repeating it (a double tap, a retry after a crash)
 * finishes the same deletion again and changes nothing more.
 */
export async function deleteDeal(input: { actor: ActorRef; dealId: string; now: Date; jobs: JobQueue }): Promise<Result<DealDoc, DealAccessError>> {
  const viewer = await viewerOfActor(input.actor);
  if (!viewer.ok) return viewer;
  const existing = await findEditableDeal(viewer.value, input.dealId, { includeDeleted: true });
  if (!existing) return fail("not-found");
  const deleted = existing.deletedAt
    ? existing
    : await changeDeal(viewer.value, input.dealId, input.now, (deal) => ({
        set: { deletedAt: input.now },
        action: "deleted",
        change: { amountMinor: deal.amountMinor },
      }));
  if (!deleted) return fail("not-found");
  await historyLine(deleted, viewer.value, deleted.deletedAt!, deleted.amountMinor, "—");
  await recountClientDeals(deleted);
  await input.jobs.enqueue("deal.deleted", { dealId: String(deleted._id) });
  return ok(deleted);
}

const validCorrection = (change: DealCorrection) =>
  "amountMinor" in change
    ? Number.isSafeInteger(change.amountMinor) && change.amountMinor >= 1
    : change.profitMinor === null || (Number.isSafeInteger(change.profitMinor) && change.profitMinor >= 0);

/** Applies one change to a deal the viewer may change, on the revision read; re-reads and tries again if another change came first. */
async function changeDeal(
  viewer: Viewer,
  dealId: string,
  now: Date,
  plan: (deal: DealDoc) => { set: Record<string, unknown>; action: DealChange["action"]; change: Record<string, unknown> },
): Promise<DealDoc | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const deal = await findEditableDeal(viewer, dealId);
    if (!deal) return null;
    const { set, action, change } = plan(deal);
    const revision = revisionOf(deal) + 1;
    const entry: DealChange = { revision, action, actorId: viewer.memberId, at: now, change };
    const updated = await Deal.findOneAndUpdate(
      { _id: deal._id, deletedAt: null, ...revisionFilter(revisionOf(deal)) },
      { $set: { ...set, revision, changedAt: now, accruedAt: null }, $push: { changes: entry } },
      { returnDocument: "after" },
    ).lean();
    if (updated) return updated;
  }
  throw new Error(`deal ${dealId} kept changing under five attempts to change it`);
}

/** "12500.50": how an amount reads in the client's history, whatever the reader's language. */
const major = (minor: number, currency: string) => {
  const digits = currencyMinorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
};

/** The change in the client's history (amount before → after), once per revision. */
async function historyLine(deal: DealDoc, viewer: Viewer, at: Date, from: number, shownAs: string): Promise<void> {
  await ClientEvent.updateOne(
    { _id: derivedObjectId(String(deal._id), "revision", String(revisionOf(deal))) },
    {
      $setOnInsert: {
        teamId: deal.teamId,
        clientId: deal.clientId,
        kind: "edited",
        at,
        actorId: viewer.memberId,
        data: { field: "deal", from: major(from, deal.currency), to: shownAs },
      },
    },
    { upsert: true },
  );
}

/** The client's deal count and first/last deal dates from the deals that remain; its rotation date follows. */
async function recountClientDeals(deal: DealDoc): Promise<void> {
  const [stats] = await Deal.aggregate<{ count: number; first: Date; last: Date }>([
    { $match: { teamId: deal.teamId, clientId: deal.clientId, deletedAt: null } },
    { $group: { _id: null, count: { $sum: 1 }, first: { $min: "$at" }, last: { $max: "$at" } } },
  ]);
  const counters = { dealCount: stats?.count ?? 0, firstDealAt: stats?.first ?? null, lastDealAt: stats?.last ?? null };
  const client = await Client.findOneAndUpdate({ _id: deal.clientId, teamId: deal.teamId }, { $set: counters }, { returnDocument: "after" }).lean();
  if (!client) return;
  const team = await loadTeamFacts(deal.teamId);
  await Client.updateOne({ _id: client._id }, { $set: { rotationDueAt: storedRotationDueAt(client, team.rotation) } });
}

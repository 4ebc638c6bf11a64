import type { Types } from "mongoose";
import { ClientEvent } from "../clients/client-event.model.js";
import { Client, type ClientDoc } from "../clients/client.model.js";
import { visibleClientFilter, type Viewer } from "../clients/viewer.js";
import { storedRotationDueAt } from "../rotation/from-documents.js";
import { localDateToUtc, type LocalDate } from "../shared/parse/local-date.js";
import { fail, ok, type Result } from "../shared/result.js";
import type { BonusPlan, RotationSettings } from "../teams/team-settings.js";
import { Deal, type DealDoc } from "./deal.model.js";

export interface DealInput {
  /** Chosen once per "log a deal" flow: the idempotency key and the deal's _id. */
  id: Types.ObjectId;
  viewer: Viewer;
  clientId: string;
  amountMinor: number;
  profitMinor: number | null;
  date: LocalDate;
  note: string | null;
  currency: string;
  timezone: string;
  rotation: RotationSettings;
  bonusPlan: BonusPlan;
  now: Date;
}

/**
 * Records a deal on a client the viewer owns (directors: any team client;
 * the bonus goes to the client's owner either way). No transaction: the
 * client's counters move in one conditional update keyed by the deal id (so a
 * repeat does not count twice), its sequence number comes from that update,
 * then the deal is written with an upsert on the same id. Repeating the whole
 * call with the same id returns the same deal.
 */
export async function recordDeal(input: DealInput): Promise<Result<{ deal: DealDoc; firstEver: boolean }, "not-found" | "lost">> {
  const done = await Deal.findById(input.id).lean();
  if (done) return ok({ deal: done, firstEver: done.sequence === 1 });

  const filter = visibleClientFilter(input.viewer, input.clientId);
  if (!filter) return fail("not-found");
  const at = localDateToUtc(input.date, input.timezone);
  const requestId = String(input.id);

  let client: ClientDoc | null = await Client.findOneAndUpdate(
    // $and, not a spread: the visibility filter's own ownerId condition must not be overwritten.
    { $and: [filter, { status: "active", ownerId: { $ne: null }, lastDealRequestId: { $ne: requestId } }] },
    {
      $inc: { dealCount: 1 },
      $max: { lastDealAt: at, lastActivityAt: input.now },
      $set: { lastDealRequestId: requestId },
    },
    { returnDocument: "after" },
  ).lean();
  if (!client) {
    // Either counted already by an interrupted earlier attempt, or not ours / lost / in the pool.
    client = await Client.findOne(filter).lean();
    if (!client) return fail("not-found");
    if (client.lastDealRequestId !== requestId) return fail(client.status === "lost" ? "lost" : "not-found");
  }
  // $min would keep a null firstDealAt (null sorts lowest), so the first deal date is set conditionally.
  await Client.updateOne(
    { _id: client._id, $or: [{ firstDealAt: null }, { firstDealAt: { $gt: at } }] },
    { $set: { firstDealAt: at } },
  );
  await Client.updateOne({ _id: client._id }, { $set: { rotationDueAt: storedRotationDueAt(client, input.rotation) } });

  const deal: DealDoc = {
    _id: input.id,
    teamId: client.teamId,
    clientId: client._id,
    managerId: client.ownerId!,
    amountMinor: input.amountMinor,
    profitMinor: input.profitMinor,
    currency: input.currency,
    date: input.date,
    at,
    note: input.note,
    sequence: client.dealCount,
    createdAt: input.now,
    bonusPlan: input.bonusPlan,
    accruedAt: null,
    deletedAt: null,
  };
  await Deal.updateOne({ _id: deal._id }, { $setOnInsert: deal }, { upsert: true });
  await ClientEvent.updateOne(
    { _id: deal._id },
    {
      $setOnInsert: {
        teamId: deal.teamId,
        clientId: deal.clientId,
        kind: "deal",
        at: input.now,
        actorId: input.viewer.memberId,
        dealId: deal._id,
        amountMinor: deal.amountMinor,
        text: input.note,
      },
    },
    { upsert: true },
  );
  return ok({ deal, firstEver: deal.sequence === 1 });
}

import { Types } from "mongoose";
import { ClientEvent } from "../clients/client-event.model.js";
import { Client, type ClientDoc } from "../clients/client.model.js";
import { visibleClientFilter, type Viewer } from "../clients/viewer.js";
import type { JobQueue } from "../queue/job-queue.js";
import { storedRotationDueAt } from "../rotation/from-documents.js";
import { localDateToUtc, type LocalDate } from "../shared/parse/local-date.js";
import { fail, ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../teams/actor.js";
import { loadTeamFacts } from "../teams/team-facts.js";
import { Deal, type DealDoc } from "./deal.model.js";

export interface RecordDealInput {
  actor: ActorRef;
  /** Chosen once per "log a deal" flow: the idempotency key and the deal's _id. */
  id: Types.ObjectId | string;
  clientId: string;
  amountMinor: number;
  profitMinor: number | null;
  date: LocalDate;
  note: string | null;
  now: Date;
  jobs: JobQueue;
}

export type RecordDealError = ActorRefusal | "not-found" | "lost" | "amount-invalid";

/**
 * Logs a deal: the asker must still be an active member (a manager on a
 * client they own; a director on any client of the team; the bonus goes to the
 * client's owner either way). The deal carries the team's bonus plan of this
 * moment, then "deal.recorded" is published for the bonus engine.
 *
 * No transaction: the client's counters move in one conditional update keyed
 * by the deal id (so a repeat does not count twice), its sequence number
 * comes from that update, then the deal is written with an upsert on the same
 * id. Repeating the whole call with the same id returns the same deal and
 * publishes the event again (a no-op once it exists).
 */
export async function recordDeal(input: RecordDealInput): Promise<Result<{ deal: DealDoc; firstEver: boolean }, RecordDealError>> {
  const actor = await checkActor(input.actor, ["manager", "director"]);
  if (!actor.ok) return actor;
  if (!validAmount(input.amountMinor) || (input.profitMinor !== null && !validProfit(input.profitMinor))) return fail("amount-invalid");
  if (typeof input.id === "string" && !/^[0-9a-f]{24}$/.test(input.id)) return fail("not-found");
  const viewer: Viewer = { teamId: actor.value.teamId, memberId: actor.value._id, role: actor.value.role };

  const written = await writeDeal(input, viewer);
  if (!written.ok) return written;
  await input.jobs.enqueue("deal.recorded", { dealId: String(written.value._id) });
  return ok({ deal: written.value, firstEver: written.value.sequence === 1 });
}

const validAmount = (minor: number) => Number.isSafeInteger(minor) && minor >= 1;
const validProfit = (minor: number) => Number.isSafeInteger(minor) && minor >= 0;

async function writeDeal(input: RecordDealInput, viewer: Viewer): Promise<Result<DealDoc, "not-found" | "lost">> {
  const id = new Types.ObjectId(input.id);
  const done = await Deal.findById(id).lean();
  if (done) return done.teamId.equals(viewer.teamId) ? ok(done) : fail("not-found");

  const filter = visibleClientFilter(viewer, input.clientId);
  if (!filter) return fail("not-found");
  const team = await loadTeamFacts(viewer.teamId);
  const at = localDateToUtc(input.date, team.timezone);
  const requestId = String(id);

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
  await Client.updateOne({ _id: client._id }, { $set: { rotationDueAt: storedRotationDueAt(client, team.rotation) } });

  const deal: DealDoc = {
    _id: id,
    teamId: client.teamId,
    clientId: client._id,
    managerId: client.ownerId!,
    amountMinor: input.amountMinor,
    profitMinor: input.profitMinor,
    currency: team.currency,
    date: input.date,
    at,
    note: input.note,
    sequence: client.dealCount,
    createdAt: input.now,
    bonusPlan: team.bonusPlan,
    revision: 1,
    changedAt: input.now,
    changes: [],
    accruedAt: null,
    accruedRevision: 0,
    accrualLeaseOwner: null,
    accrualLeaseUntil: null,
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
        actorId: viewer.memberId,
        dealId: deal._id,
        amountMinor: deal.amountMinor,
        text: input.note,
      },
    },
    { upsert: true },
  );
  return ok(deal);
}

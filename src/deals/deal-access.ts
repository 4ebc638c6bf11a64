import { Types } from "mongoose";
import { Client } from "../clients/client.model.js";
import { findVisibleClient, type Viewer } from "../clients/viewer.js";
import { fail, ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../teams/actor.js";
import { Deal, type DealDoc } from "./deal.model.js";

/**
 * Who may see and change which deals. A manager may touch the deals they
 * closed on clients they still hold; a director any deal of the team. Every
 * read starts from the actor, re-checked (still an active member of that
 * team), so a button or a conversation step of someone deactivated since
 * reads nothing.
 */

export type DealAccessError = ActorRefusal | "not-found";

export async function viewerOfActor(actor: ActorRef): Promise<Result<Viewer, ActorRefusal>> {
  const member = await checkActor(actor, ["manager", "director"]);
  if (!member.ok) return member;
  return ok({ teamId: member.value.teamId, memberId: member.value._id, role: member.value.role });
}

/** A deal the viewer may change, or null (unknown id, another team's, deleted, not theirs). */
export async function findEditableDeal(viewer: Viewer, dealId: string, opts: { includeDeleted?: boolean } = {}): Promise<DealDoc | null> {
  if (!/^[0-9a-f]{24}$/.test(dealId)) return null;
  const deal = await Deal.findOne({ _id: new Types.ObjectId(dealId), teamId: viewer.teamId, ...(opts.includeDeleted ? {} : { deletedAt: null }) }).lean();
  if (!deal) return null;
  if (viewer.role === "director") return deal;
  if (!deal.managerId.equals(viewer.memberId)) return null;
  return (await Client.exists({ _id: deal.clientId, teamId: viewer.teamId, ownerId: viewer.memberId })) ? deal : null;
}

/** The deal's card: only for someone who may change it. */
export async function editableDeal(actor: ActorRef, dealId: string): Promise<Result<DealDoc, DealAccessError>> {
  const viewer = await viewerOfActor(actor);
  if (!viewer.ok) return viewer;
  const deal = await findEditableDeal(viewer.value, dealId);
  return deal ? ok(deal) : fail("not-found");
}

export interface ClientDeals {
  client: { id: string; name: string };
  deals: DealDoc[];
  page: number;
  hasMore: boolean;
}

/** A client's deals, newest first, a page at a time: for whoever may see the client. */
export async function clientDeals(input: { actor: ActorRef; clientId: string; page: number; pageSize: number }): Promise<Result<ClientDeals, DealAccessError>> {
  const viewer = await viewerOfActor(input.actor);
  if (!viewer.ok) return viewer;
  const client = await findVisibleClient(viewer.value, input.clientId);
  if (!client) return fail("not-found");
  const page = Math.max(0, input.page);
  const found = await Deal.find({ teamId: client.teamId, clientId: client._id, deletedAt: null })
    .sort({ at: -1, _id: -1 })
    .skip(page * input.pageSize)
    .limit(input.pageSize + 1)
    .lean();
  return ok({
    client: { id: String(client._id), name: client.name },
    deals: found.slice(0, input.pageSize),
    page,
    hasMore: found.length > input.pageSize,
  });
}

import type { Types } from "mongoose";
import { Deal, type DealDoc } from "../../deals/deal.model.js";
import { CONTACT_KINDS, ClientEvent, type ContactEvent } from "../client-event.model.js";
import { Client, type ClientDoc } from "../client.model.js";
import { clientRow, contactRow, dealRow, type ExportContext, type ExportKind } from "./rows.js";

/** Documents per round trip: the cursor's batch and one client-name lookup per batch. */
const BATCH = 500;

async function* batches<T>(source: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const item of source) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Names of the batch's clients in one query, within the team only. */
async function clientNames(teamId: Types.ObjectId, ids: Types.ObjectId[]): Promise<Map<string, string>> {
  const found = await Client.find({ teamId, _id: { $in: ids } }, { name: 1 }).lean();
  return new Map(found.map((c) => [String(c._id), c.name]));
}

/**
 * The team's clients, contacts or deals as CSV rows, read from a database
 * cursor a batch at a time: memory stays flat however big the team is.
 * Clients go in creation order, contacts and deals oldest first.
 */
export async function* exportRows(kind: ExportKind, teamId: Types.ObjectId, ctx: ExportContext): AsyncGenerator<string[]> {
  if (kind === "clients") {
    const cursor = Client.find({ teamId }).sort({ _id: 1 }).lean<ClientDoc[]>().cursor({ batchSize: BATCH });
    for await (const client of cursor) yield clientRow(client as ClientDoc, ctx);
    return;
  }
  if (kind === "contacts") {
    const cursor = ClientEvent.find({ teamId, kind: { $in: CONTACT_KINDS } })
      .sort({ at: 1, _id: 1 })
      .lean<ContactEvent[]>()
      .cursor({ batchSize: BATCH });
    for await (const batch of batches(cursor as AsyncIterable<ContactEvent>, BATCH)) {
      const names = await clientNames(teamId, batch.map((e) => e.clientId));
      for (const e of batch) yield contactRow(e, names.get(String(e.clientId)) ?? "?", ctx);
    }
    return;
  }
  const cursor = Deal.find({ teamId }).sort({ at: 1, _id: 1 }).lean<DealDoc[]>().cursor({ batchSize: BATCH });
  for await (const batch of batches(cursor as AsyncIterable<DealDoc>, BATCH)) {
    const names = await clientNames(teamId, batch.map((d) => d.clientId));
    for (const d of batch) yield dealRow(d, names.get(String(d.clientId)) ?? "?", ctx);
  }
}

import { randomUUID } from "node:crypto";
import { Client } from "../clients/client.model.js";
import { Deal } from "../deals/deal.model.js";
import { BonusLine, type BonusLineDoc } from "./bonus-line.model.js";
import { resolveUplift } from "./retention.js";

const BATCH = 1000;

/**
 * The end of holdbacks: every held uplift whose release time has come is
 * released or forfeited by the retention rule of the plan its deal was
 * logged under, judged on the client as it is now. Each line changes with a
 * conditional update (still held), tagged with this sweep's id, so the lines
 * returned are exactly the ones this sweep decided: a manager hears once.
 * A few round trips per thousand lines.
 */
export async function resolveDueUplifts(now: Date): Promise<BonusLineDoc[]> {
  const due = await BonusLine.find({ status: "held", voidedAt: null, releaseAt: { $lte: now } }).limit(BATCH).lean();
  if (due.length === 0) return [];
  const clientIds = [...new Set(due.map((l) => String(l.clientId)))];
  const [clients, deals, ownDeals] = await Promise.all([
    Client.find({ _id: { $in: clientIds } }, { status: 1, lostAt: 1 }).lean(),
    Deal.find({ clientId: { $in: clientIds }, deletedAt: null }, { clientId: 1, at: 1 }).lean(),
    Deal.find({ _id: { $in: due.map((l) => l.dealId) } }, { bonusPlan: 1 }).lean(),
  ]);
  const client = new Map(clients.map((c) => [String(c._id), c]));
  const plan = new Map(ownDeals.map((d) => [String(d._id), d.bonusPlan]));
  const dealDates = new Map<string, Date[]>();
  for (const d of deals) dealDates.set(String(d.clientId), [...(dealDates.get(String(d.clientId)) ?? []), d.at]);

  const sweep = randomUUID();
  await BonusLine.bulkWrite(
    due.map((line) => {
      const c = client.get(String(line.clientId));
      // A client that no longer exists counts as lost, and so does a lost one without a date.
      const lostAt = !c ? line.releaseAt : c.status === "lost" ? (c.lostAt ?? line.releaseAt) : null;
      const decision = resolveUplift({ releaseAt: line.releaseAt!, dealDate: line.dealAt }, plan.get(String(line.dealId))?.retention ?? "not-lost", {
        lostAt,
        dealDates: dealDates.get(String(line.clientId)) ?? [],
      });
      return {
        updateOne: {
          filter: { _id: line._id, status: "held" },
          update: { $set: { status: decision.status, reason: decision.reason, resolvedAt: now, resolvedBy: sweep } },
        },
      };
    }),
    { ordered: false },
  );
  return BonusLine.find({ _id: { $in: due.map((l) => l._id) }, resolvedBy: sweep }).lean();
}

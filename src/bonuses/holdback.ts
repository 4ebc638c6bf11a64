import { randomUUID } from "node:crypto";
import { Types } from "mongoose";
import { Client } from "../clients/client.model.js";
import type { Language } from "../config.js";
import { bonusPlansOf, dealDatesByClient } from "../deals/for-bonus.js";
import { Member } from "../teams/member.model.js";
import { Team } from "../teams/team.model.js";
import { BonusLine, type BonusLineDoc } from "./bonus-line.model.js";
import { resolveUplift } from "./retention.js";

const BATCH = 1000;

/**
 * The end of holdbacks: every held uplift whose release time has come is
 * released or forfeited by the retention rule of the plan its deal was
 * logged under, judged on the client as it is now. Each line changes with a
 * conditional update (still held), tagged with this sweep's id and marked
 * "notice pending", so the lines returned are exactly the ones this sweep
 * decided, and each manager's notice is keyed by sweep and manager.
 * A few round trips per thousand lines.
 */
export async function resolveDueUplifts(now: Date): Promise<BonusLineDoc[]> {
  const due = await BonusLine.find({ status: "held", voidedAt: null, releaseAt: { $lte: now } }).limit(BATCH).lean();
  if (due.length === 0) return [];
  const clientIds = [...new Set(due.map((l) => String(l.clientId)))].map((id) => new Types.ObjectId(id));
  const [clients, dealDates, plans] = await Promise.all([
    Client.find({ _id: { $in: clientIds } }, { status: 1, lostAt: 1 }).lean(),
    dealDatesByClient(clientIds),
    bonusPlansOf(due.map((l) => l.dealId)),
  ]);
  const client = new Map(clients.map((c) => [String(c._id), c]));

  const sweep = randomUUID();
  await BonusLine.bulkWrite(
    due.map((line) => {
      const c = client.get(String(line.clientId));
      // A client that no longer exists counts as lost, and so does a lost one without a date.
      const lostAt = !c ? line.releaseAt : c.status === "lost" ? (c.lostAt ?? line.releaseAt) : null;
      const decision = resolveUplift({ releaseAt: line.releaseAt!, dealDate: line.dealAt }, plans.get(String(line.dealId))?.retention ?? "not-lost", {
        lostAt,
        dealDates: dealDates.get(String(line.clientId)) ?? [],
      });
      return {
        updateOne: {
          filter: { _id: line._id, status: "held" },
          update: { $set: { status: decision.status, reason: decision.reason, resolvedAt: now, resolvedBy: sweep, noticePending: true } },
        },
      };
    }),
    { ordered: false },
  );
  return BonusLine.find({ _id: { $in: due.map((l) => l._id) }, resolvedBy: sweep }).lean();
}

/** Whose holdback notices are still to send: one per sweep and manager. */
export async function pendingHoldbackNotices(limit = 500): Promise<{ sweepId: string; managerId: string }[]> {
  const groups = await BonusLine.aggregate<{ _id: { sweepId: string; managerId: Types.ObjectId } }>([
    { $match: { noticePending: true } },
    { $group: { _id: { sweepId: "$resolvedBy", managerId: "$managerId" } } },
    { $limit: limit },
  ]);
  return groups.filter((g) => g._id.sweepId).map((g) => ({ sweepId: g._id.sweepId, managerId: String(g._id.managerId) }));
}

export interface HoldbackNotice {
  teamId: Types.ObjectId;
  telegramId: number;
  /** The team's language: the fallback when the manager chose none. */
  teamLanguage: Language;
  currency: string;
  timezone: string;
  lines: BonusLineDoc[];
  clientNames: Map<string, string>;
}

/**
 * What one manager is told about one sweep: the lines it released or
 * forfeited and why. Null when there is nobody to tell (the manager left the
 * team, or the team is gone): the notice is then closed as is.
 */
export async function holdbackNotice(sweepId: string, managerId: string): Promise<HoldbackNotice | null> {
  if (!Types.ObjectId.isValid(managerId)) return null;
  const lines = await BonusLine.find({ resolvedBy: sweepId, managerId: new Types.ObjectId(managerId) }).sort({ dealAt: 1, _id: 1 }).lean();
  if (lines.length === 0) return null;
  const [member, team, clients] = await Promise.all([
    Member.findOne({ _id: lines[0]!.managerId, teamId: lines[0]!.teamId }, { telegramId: 1, active: 1 }).lean(),
    Team.findById(lines[0]!.teamId, { currency: 1, timezone: 1, language: 1 }).lean(),
    Client.find({ _id: { $in: lines.map((l) => l.clientId) } }, { name: 1 }).lean(),
  ]);
  if (!member?.active || !team) return null;
  return {
    teamId: team._id,
    telegramId: member.telegramId,
    teamLanguage: team.language,
    currency: team.currency,
    timezone: team.timezone,
    lines,
    clientNames: new Map(clients.map((c) => [String(c._id), c.name])),
  };
}

/** The manager was told (or there was nobody to tell): the notice is done. */
export async function closeHoldbackNotice(sweepId: string, managerId: string): Promise<void> {
  if (!Types.ObjectId.isValid(managerId)) return;
  await BonusLine.updateMany({ resolvedBy: sweepId, managerId: new Types.ObjectId(managerId), noticePending: true }, { $set: { noticePending: false } });
}

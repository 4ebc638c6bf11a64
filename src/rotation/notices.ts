import type { Types } from "mongoose";
import { Client } from "../clients/client.model.js";
import { Member } from "../teams/member.model.js";
import type { RotationRunDoc } from "./rotation-run.model.js";
import { namedTallies, type NamedTally } from "./tally.js";

export interface ReceivedItem {
  clientId: string;
  name: string;
  reason: string;
  /** null: the client came from the free pool. */
  fromName: string | null;
}

export interface GivenItem {
  name: string;
  toName: string;
}

export interface MemberNotice {
  memberId: string;
  telegramId: number;
  received: ReceivedItem[];
  given: GivenItem[];
}

export interface RunOutcome {
  notices: MemberNotice[];
  moved: number;
  skipped: number;
  /** Per manager, by name, for the director's summary: uneven ones first. */
  tallies: NamedTally[];
  /** Member id → name, for the summary's notes. */
  names: Map<string, string>;
}

/**
 * What each manager is told after a run (one notice per manager: clients
 * received, clients given away) and the numbers of the director's summary.
 * Two round trips: the moved clients' names and the team's members.
 */
export async function runOutcome(run: RotationRunDoc): Promise<RunOutcome> {
  const skipped = new Set(run.skipped.map(String));
  const applied = run.moves.filter((m) => !skipped.has(String(m.clientId)));
  const [clients, members] = await Promise.all([
    Client.find({ teamId: run.teamId, _id: { $in: applied.map((m) => m.clientId) } }, { name: 1 }).lean(),
    Member.find({ teamId: run.teamId }, { name: 1, telegramId: 1, active: 1 }).lean(),
  ]);
  const clientName = new Map(clients.map((c) => [String(c._id), c.name]));
  const member = new Map(members.map((m) => [String(m._id), m]));
  const nameOf = (id: Types.ObjectId | null) => (id ? (member.get(String(id))?.name ?? "?") : null);

  const notices = new Map<string, MemberNotice>();
  // Deactivated members (e.g. the manager whose clients are handed on) get no notice.
  const noticeOf = (id: Types.ObjectId): MemberNotice | null => {
    const m = member.get(String(id));
    if (!m?.active) return null;
    let notice = notices.get(String(id));
    if (!notice) notices.set(String(id), (notice = { memberId: String(id), telegramId: m.telegramId, received: [], given: [] }));
    return notice;
  };
  for (const move of applied) {
    const name = clientName.get(String(move.clientId)) ?? "?";
    noticeOf(move.toId)?.received.push({ clientId: String(move.clientId), name, reason: move.reason, fromName: nameOf(move.fromId) });
    if (move.fromId) noticeOf(move.fromId)?.given.push({ name, toName: nameOf(move.toId) ?? "?" });
  }
  const tallies = namedTallies(run.perManager, (id) => member.get(id)?.name ?? "?");
  const names = new Map(members.map((m) => [String(m._id), m.name]));
  return { notices: [...notices.values()], moved: applied.length, skipped: skipped.size, tallies, names };
}

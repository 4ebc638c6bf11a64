import { Client } from "../clients/client.model.js";
import { ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../teams/actor.js";
import { loadTeamFacts } from "../teams/team-facts.js";
import { monthOf } from "./calendar.js";
import { buildStatements, type ManagerStatement, type TeamStatement } from "./statements.js";

export type BonusToDate =
  | { kind: "team"; month: string; team: TeamStatement }
  | { kind: "manager"; month: string; statement: ManagerStatement | null; clientNames: Map<string, string> };

/**
 * /bonus: the current month so far in the team's time. A director sees the
 * team summary; a manager their own statement and upcoming releases.
 */
export async function bonusToDate(input: { actor: ActorRef; now: Date }): Promise<Result<BonusToDate, ActorRefusal>> {
  const member = await checkActor(input.actor, ["manager", "director"]);
  if (!member.ok) return member;
  const { teamId, _id: memberId, role } = member.value;
  const month = monthOf(input.now, (await loadTeamFacts(teamId)).timezone);
  if (role === "director") return ok({ kind: "team", month, team: await buildStatements(teamId, month) });
  const [mine] = (await buildStatements(teamId, month, memberId)).managers;
  if (!mine) return ok({ kind: "manager", month, statement: null, clientNames: new Map() });
  const clients = await Client.find({ _id: { $in: mine.lines.map((l) => l.clientId) }, teamId }, { name: 1 }).lean();
  return ok({ kind: "manager", month, statement: mine, clientNames: new Map(clients.map((c) => [String(c._id), c.name])) });
}

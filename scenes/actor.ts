import { Types } from "mongoose";
import type { Language } from "../src/config.js";
import type { Viewer } from "../src/clients/viewer.js";
import type { Role } from "../src/teams/member.model.js";
import { loadTeamFacts as readTeamFacts, type TeamFacts } from "../src/teams/team-facts.js";
import type { SceneConversation } from "../src/telegram/context.js";

export type { TeamFacts };

/**
 * Who runs a conversation, passed as its (JSON) argument on entry: the
 * conversation replays from stored updates, so it must not depend on the
 * outside context object. Use cases re-check it before every write.
 */
export interface SceneActor {
  memberId: string;
  teamId: string;
  role: Role;
  language: Language;
}

export function viewerOf(actor: SceneActor): Viewer {
  return { teamId: new Types.ObjectId(actor.teamId), memberId: new Types.ObjectId(actor.memberId), role: actor.role };
}

/** The team's settings, read once per conversation and replayed from its state afterwards. */
export function loadTeamFacts(conversation: SceneConversation, teamId: string): Promise<TeamFacts> {
  return conversation.external(() => readTeamFacts(teamId));
}

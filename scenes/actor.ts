import { Types } from "mongoose";
import type { CountryCode } from "libphonenumber-js";
import type { Language } from "../src/config.js";
import type { BotContext, SceneConversation } from "../src/telegram/context.js";
import { membershipOf } from "../src/bot/access.js";
import type { Viewer } from "../src/clients/viewer.js";
import type { Role } from "../src/teams/member.model.js";
import { Team } from "../src/teams/team.model.js";
import type { BonusPlan, RotationSettings } from "../src/teams/team-settings.js";

/**
 * Who runs a conversation, passed as its (JSON) argument on entry: the
 * conversation replays from stored updates, so it must not depend on the
 * outside context object.
 */
export interface SceneActor {
  memberId: string;
  teamId: string;
  role: Role;
  language: Language;
}

export function actorOf(ctx: BotContext): SceneActor {
  const { member, team } = membershipOf(ctx);
  return { memberId: String(member._id), teamId: String(team._id), role: member.role, language: ctx.identity.language };
}

export function viewerOf(actor: SceneActor): Viewer {
  return { teamId: new Types.ObjectId(actor.teamId), memberId: new Types.ObjectId(actor.memberId), role: actor.role };
}

export interface TeamFacts {
  timezone: string;
  country: CountryCode;
  currency: string;
  rotation: RotationSettings;
  bonusPlan: BonusPlan;
}

/** The team's settings, read once per conversation and replayed from its state afterwards. */
export function loadTeamFacts(conversation: SceneConversation, teamId: string): Promise<TeamFacts> {
  return conversation.external(async () => {
    const team = await Team.findById(teamId, { timezone: 1, country: 1, currency: 1, settings: 1 }).lean();
    if (!team) throw new Error(`team ${teamId} not found`);
    return {
      timezone: team.timezone,
      country: team.country as CountryCode,
      currency: team.currency,
      rotation: team.settings.rotation,
      bonusPlan: team.settings.bonus,
    };
  });
}

import { Composer } from "grammy";
import { createTeamScene } from "../../../../scenes/teams/create-team.js";
import type { BotContext } from "../../../telegram/context.js";
import type { BotFeature } from "../../feature.js";
import { inviteHandlers } from "./invite.js";
import { inviteLink } from "./join.js";
import { memberHandlers } from "./members.js";
import { startHandlers } from "./start.js";

/**
 * Teams: creating a team, invites, the member list, levels and deactivation.
 *
 *   domain     src/teams/ (team-admin.ts: the director's use cases; invites.ts; actor.ts)
 *   views      src/telegram/teams/ (callbacks.ts, views.ts)
 *   scenes     scenes/teams/create-team.ts
 *   locales    locales/<lang>/core.ftl (team-*, invite-*)
 */
export const teamsFeature: BotFeature = {
  name: "teams",
  scenes: [createTeamScene],
  deepLinks: [inviteLink],
  handlers: (deps) => new Composer<BotContext>().use(startHandlers(), inviteHandlers(deps), memberHandlers(deps)),
};

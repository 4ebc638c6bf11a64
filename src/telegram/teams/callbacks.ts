import { LEVELS, ROLES } from "../../teams/member.model.js";
import { callbackData, field } from "../callback-data.js";

/** Buttons of the teams feature: creating a team, invites, the member list and cards. */
export const createTeamButton = callbackData("tm.new", {});
export const inviteRoleButton = callbackData("inv.r", { role: field.oneOf(ROLES) });
export const inviteLevelButton = callbackData("inv.l", { role: field.oneOf(ROLES), level: field.oneOf(LEVELS.map(String)) });
export const memberListButton = callbackData("tm.ls", { page: field.int });
export const memberCardButton = callbackData("tm.m", { memberId: field.objectId });
export const memberLevelButton = callbackData("tm.l", { memberId: field.objectId, level: field.oneOf(LEVELS.map(String)) });
export const deactivateButton = callbackData("tm.off", { memberId: field.objectId });
export const deactivateConfirmButton = callbackData("tm.offok", { memberId: field.objectId });

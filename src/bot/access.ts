import type { NextFunction } from "grammy";
import type { Membership } from "../teams/teams.js";
import type { Role } from "../teams/member.model.js";
import type { SceneActor } from "../../scenes/actor.js";
import type { BotContext } from "../telegram/context.js";

/**
 * Access rules for the Telegram layer. Every command and every button press
 * passes through here again: button payloads are never trusted to say who
 * may do what.
 */

/** The sender's membership when it is active, else null. */
export function activeMembership(ctx: BotContext): Membership | null {
  const m = ctx.identity.membership;
  return m && m.member.active ? m : null;
}

/** Explains, in one short message (or button alert), why the sender may not go on. */
async function refuse(ctx: BotContext, key: string, vars?: Record<string, string>): Promise<void> {
  const text = ctx.t(key, vars);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: true });
  else await ctx.reply(text);
}

/** Middleware: only active members with one of these roles get through. */
export function requireRole(...roles: Role[]) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const m = ctx.identity.membership;
    if (!m) return refuse(ctx, "access-no-team");
    if (!m.member.active) return refuse(ctx, "access-deactivated", { team: m.team.name });
    if (!roles.includes(m.member.role)) return refuse(ctx, "access-directors-only");
    await next();
  };
}

/** For handlers behind requireRole: the membership is known to be there. */
export function membershipOf(ctx: BotContext): Membership {
  const m = activeMembership(ctx);
  if (!m) throw new Error("membershipOf called without requireRole");
  return m;
}

/** The sender as the actor a conversation is entered with (plain JSON: it is stored with the conversation). */
export function actorOf(ctx: BotContext): SceneActor {
  const { member, team } = membershipOf(ctx);
  return { memberId: String(member._id), teamId: String(team._id), role: member.role, language: ctx.identity.language };
}

/** The sender as an actor of use cases (which re-check it before writing). */
export function actorRefOf(ctx: BotContext): { teamId: string; memberId: string } {
  const { member, team } = membershipOf(ctx);
  return { teamId: String(team._id), memberId: String(member._id) };
}

/** The message for a use case's refusal of the actor (deactivated meanwhile, or not a director). */
export function refusalKey(error: "not-a-member" | "not-allowed"): string {
  return error === "not-allowed" ? "access-directors-only" : "access-no-longer-member";
}

import { Composer, InlineKeyboard } from "grammy";
import dayjs from "../../shared/dayjs.js";
import { createInvite, inviteLink } from "../../teams/invites.js";
import { LEVELS, ROLES, type Role } from "../../teams/member.model.js";
import type { BotContext, BotDeps } from "../context.js";
import { membershipOf, requireRole } from "../access.js";
import { showInPlace } from "../ui.js";

/**
 * /invite (directors): role → level → a single-use deep link that expires.
 * Each step is a button whose payload is re-validated here.
 */
export function inviteFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directorOnly = requireRole("director");

  composer.command("invite", directorOnly, async (ctx) => {
    const kb = new InlineKeyboard();
    for (const role of ROLES) kb.text(ctx.t(`role-${role}`), `inv:r:${role}`);
    await ctx.reply(ctx.t("invite-ask-role"), { reply_markup: kb });
  });

  composer.callbackQuery(/^inv:r:(\w+)$/, directorOnly, async (ctx) => {
    const role = ctx.match[1] as Role;
    if (!ROLES.includes(role)) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    await ctx.answerCallbackQuery();
    const kb = new InlineKeyboard();
    for (const level of LEVELS) kb.text(String(level), `inv:l:${role}:${level}`);
    await showInPlace(ctx, ctx.t("invite-ask-level", { role: ctx.t(`role-${role}`) }), kb);
  });

  composer.callbackQuery(/^inv:l:(\w+):(\d)$/, directorOnly, async (ctx) => {
    const role = ctx.match[1] as Role;
    const level = Number(ctx.match[2]);
    if (!ROLES.includes(role) || !(LEVELS as readonly number[]).includes(level)) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    }
    const { team } = membershipOf(ctx);
    const invite = await createInvite({
      teamId: team._id,
      createdBy: ctx.from.id,
      role,
      level,
      now: deps.clock.now(),
      ttlDays: deps.config.INVITE_TTL_DAYS,
    });
    await ctx.answerCallbackQuery();
    await showInPlace(
      ctx,
      ctx.t("invite-link", {
        link: inviteLink(ctx.me.username, invite._id),
        role: ctx.t(`role-${role}`),
        level,
        expires: dayjs(invite.expiresAt).tz(team.timezone).format("DD.MM.YYYY HH:mm"),
      }),
    );
  });
  return composer;
}

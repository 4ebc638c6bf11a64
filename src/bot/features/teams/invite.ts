import { Composer } from "grammy";
import dayjs from "../../../shared/dayjs.js";
import { inviteLink } from "../../../teams/invites.js";
import { inviteMember } from "../../../teams/team-admin.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { inviteLevelButton, inviteRoleButton } from "../../../telegram/teams/callbacks.js";
import { inviteLevelView, inviteRoleView } from "../../../telegram/teams/views.js";
import { actorRefOf, membershipOf, refusalKey, requireRole } from "../../access.js";
import { onCallback } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";

/** /invite (directors): role → level → a single-use deep link that expires. */
export function inviteHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directors = requireRole("director");

  composer.command("invite", directors, async (ctx) => {
    const view = inviteRoleView(ctx.t);
    await ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  onCallback(composer, inviteRoleButton, [directors], async (ctx, { role }) => {
    await ctx.answerCallbackQuery();
    const view = inviteLevelView(ctx.t, role);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, inviteLevelButton, [directors], async (ctx, { role, level }) => {
    const { team } = membershipOf(ctx);
    const result = await inviteMember({
      actor: actorRefOf(ctx),
      telegramId: ctx.from.id,
      role,
      level: Number(level),
      now: deps.clock.now(),
      ttlDays: deps.config.INVITE_TTL_DAYS,
    });
    if (!result.ok) {
      const key = result.error === "bad-invite" ? "button-expired" : refusalKey(result.error);
      return void (await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true }));
    }
    await ctx.answerCallbackQuery();
    await showInPlace(
      ctx,
      ctx.t("invite-link", {
        link: inviteLink(ctx.me.username, result.value._id),
        role: ctx.t(`role-${role}`),
        level,
        expires: dayjs(result.value.expiresAt).tz(team.timezone).format("DD.MM.YYYY HH:mm"),
      }),
    );
  });
  return composer;
}

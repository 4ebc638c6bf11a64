import { Composer } from "grammy";
import { changeLevel, deactivateMember, teamMember, teamMembers } from "../../../teams/team-admin.js";
import { setChatMenu } from "../../../telegram/command-menus.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import {
  deactivateButton,
  deactivateConfirmButton,
  memberCardButton,
  memberLevelButton,
  memberListButton,
} from "../../../telegram/teams/callbacks.js";
import { deactivateConfirmView, memberCardView, memberListView } from "../../../telegram/teams/views.js";
import { languageOfUser } from "../../../users/users.js";
import { actorRefOf, membershipOf, refusalKey, requireRole } from "../../access.js";
import { onCallback, type CallbackContext } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";

/**
 * /team (directors): the members, paged; a member's card to change a
 * manager's level or deactivate them. Member ids from buttons are looked up
 * within the director's own team only (src/teams/team-admin.ts).
 */
export function memberHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directors = requireRole("director");

  const alert = (ctx: CallbackContext, key: string) => ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
  const errorKey = (error: string) => (error === "not-a-member" || error === "not-allowed" ? refusalKey(error) : "team-member-not-found");

  composer.command("team", directors, async (ctx) => {
    const members = await teamMembers(actorRefOf(ctx));
    if (!members.ok) return void (await ctx.reply(ctx.t(refusalKey(members.error))));
    const view = memberListView(ctx.t, membershipOf(ctx).team, members.value, 0);
    await ctx.reply(view.text, { reply_markup: view.keyboard });
  });

  onCallback(composer, memberListButton, [directors], async (ctx, { page }) => {
    const members = await teamMembers(actorRefOf(ctx));
    if (!members.ok) return void (await alert(ctx, refusalKey(members.error)));
    await ctx.answerCallbackQuery();
    const view = memberListView(ctx.t, membershipOf(ctx).team, members.value, page);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, memberCardButton, [directors], async (ctx, { memberId }) => {
    const member = await teamMember(actorRefOf(ctx), memberId);
    if (!member.ok) return void (await alert(ctx, errorKey(member.error)));
    await ctx.answerCallbackQuery();
    const view = memberCardView(ctx.t, membershipOf(ctx).team, member.value);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, memberLevelButton, [directors], async (ctx, { memberId, level }) => {
    const result = await changeLevel({ actor: actorRefOf(ctx), memberId, level: Number(level) });
    if (!result.ok) {
      return void (await alert(ctx, result.error === "not-a-manager" ? "team-level-managers-only" : errorKey(result.error)));
    }
    await ctx.answerCallbackQuery({ text: ctx.t("team-level-set", { level: result.value.level }) });
    const view = memberCardView(ctx.t, membershipOf(ctx).team, result.value);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, deactivateButton, [directors], async (ctx, { memberId }) => {
    const member = await teamMember(actorRefOf(ctx), memberId);
    if (!member.ok || member.value.role !== "manager" || !member.value.active) {
      return void (await alert(ctx, member.ok ? "team-member-not-found" : errorKey(member.error)));
    }
    await ctx.answerCallbackQuery();
    const view = deactivateConfirmView(ctx.t, member.value);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, deactivateConfirmButton, [directors], async (ctx, { memberId }) => {
    const { team } = membershipOf(ctx);
    const result = await deactivateMember({ actor: actorRefOf(ctx), requestedBy: ctx.from.id, memberId, now: deps.clock.now(), jobs: deps.jobs });
    if (!result.ok) {
      const key = result.error === "not-a-member" || result.error === "not-allowed" ? refusalKey(result.error) : `team-deactivate-${result.error}`;
      return void (await alert(ctx, key));
    }
    const member = result.value;
    await ctx.answerCallbackQuery();
    const view = memberCardView(ctx.t, team, member);
    await showInPlace(ctx, `${ctx.t("team-deactivated", { name: member.name })}\n\n${view.text}`, view.keyboard);

    // The former manager learns it in their own language and loses the member menu.
    const language = await languageOfUser(member.telegramId, deps.config.DEFAULT_LANGUAGE);
    const outcome = await deps.outbound.sendSoon({
      key: `member.deactivated:${member._id}:${member.deactivatedAt!.getTime()}`,
      chatId: member.telegramId,
      teamId: team._id,
      kind: "member.deactivated",
      message: { text: deps.i18n.t(language, "access-deactivated", { team: team.name }) },
    });
    if (outcome === "sent") {
      await setChatMenu(ctx.api, member.telegramId, "guest", language, deps.i18n).catch((err: unknown) =>
        deps.logger.warn({ err }, "could not reset the former member's command menu"),
      );
    }
  });

  return composer;
}

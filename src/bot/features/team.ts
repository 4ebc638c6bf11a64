import { Composer, InlineKeyboard } from "grammy";
import { deliver } from "../../notify/deliver.js";
import dayjs from "../../shared/dayjs.js";
import { LEVELS, type MemberDoc } from "../../teams/member.model.js";
import type { TeamDoc } from "../../teams/team.model.js";
import { deactivateManager, findTeamMember, listMembers, setMemberLevel } from "../../teams/teams.js";
import { languageOfUser } from "../../users/users.js";
import { ROTATION_RUN_JOB, type RotationRunJobData } from "../../../jobs/rotation-run.js";
import { setChatMenu } from "../command-menus.js";
import type { BotContext, BotDeps } from "../context.js";
import { membershipOf, requireRole } from "../access.js";
import { showInPlace } from "../ui.js";

/**
 * /team (directors): the members with role and level; a member's card to
 * change the level or deactivate a manager. Member ids in button payloads are
 * looked up within the director's own team only.
 */
export function teamFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directorOnly = requireRole("director");

  const memberLine = (ctx: BotContext, m: MemberDoc) =>
    ctx.t(m.active ? "team-member-line" : "team-member-line-inactive", {
      name: m.name,
      role: ctx.t(`role-${m.role}`),
      level: m.level,
    });

  async function renderList(ctx: BotContext, team: TeamDoc) {
    const members = await listMembers(team._id);
    const kb = new InlineKeyboard();
    for (const m of members) kb.text(memberLine(ctx, m), `tm:m:${m._id}`).row();
    const text = ctx.t("team-list", { team: team.name, count: members.filter((m) => m.active).length });
    return { text, kb };
  }

  function renderCard(ctx: BotContext, team: TeamDoc, m: MemberDoc) {
    const kb = new InlineKeyboard();
    if (m.active) {
      for (const level of LEVELS) kb.text(level === m.level ? `• ${level} •` : String(level), `tm:l:${m._id}:${level}`);
      kb.row();
      if (m.role === "manager") kb.text(ctx.t("btn-deactivate"), `tm:d:${m._id}`).row();
    }
    kb.text(ctx.t("btn-back"), "tm:list");
    const text = ctx.t("team-member-card", {
      name: m.name,
      role: ctx.t(`role-${m.role}`),
      level: m.level,
      status: ctx.t(m.active ? "member-active" : "member-inactive"),
      joined: dayjs(m.joinedAt).tz(team.timezone).format("DD.MM.YYYY"),
    });
    return { text, kb };
  }

  composer.command("team", directorOnly, async (ctx) => {
    const { text, kb } = await renderList(ctx, membershipOf(ctx).team);
    await ctx.reply(text, { reply_markup: kb });
  });

  composer.callbackQuery("tm:list", directorOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { text, kb } = await renderList(ctx, membershipOf(ctx).team);
    await showInPlace(ctx, text, kb);
  });

  composer.callbackQuery(/^tm:m:(\w+)$/, directorOnly, async (ctx) => {
    const { team } = membershipOf(ctx);
    const member = await findTeamMember(team._id, ctx.match[1]!);
    if (!member) return void (await ctx.answerCallbackQuery({ text: ctx.t("team-member-not-found"), show_alert: true }));
    await ctx.answerCallbackQuery();
    const { text, kb } = renderCard(ctx, team, member);
    await showInPlace(ctx, text, kb);
  });

  composer.callbackQuery(/^tm:l:(\w+):(\d+)$/, directorOnly, async (ctx) => {
    const { team } = membershipOf(ctx);
    const result = await setMemberLevel(team._id, ctx.match[1]!, Number(ctx.match[2]));
    if (!result.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t("team-member-not-found"), show_alert: true }));
    await ctx.answerCallbackQuery({ text: ctx.t("team-level-set", { level: result.value.level }) });
    const { text, kb } = renderCard(ctx, team, result.value);
    await showInPlace(ctx, text, kb);
  });

  composer.callbackQuery(/^tm:d:(\w+)$/, directorOnly, async (ctx) => {
    const { team } = membershipOf(ctx);
    const member = await findTeamMember(team._id, ctx.match[1]!);
    if (!member || member.role !== "manager" || !member.active) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t("team-member-not-found"), show_alert: true }));
    }
    await ctx.answerCallbackQuery();
    const kb = new InlineKeyboard()
      .text(ctx.t("btn-deactivate-confirm"), `tm:D:${member._id}`)
      .row()
      .text(ctx.t("btn-back"), `tm:m:${member._id}`);
    await showInPlace(ctx, ctx.t("team-deactivate-confirm", { name: member.name }), kb);
  });

  composer.callbackQuery(/^tm:D:(\w+)$/, directorOnly, async (ctx) => {
    const { team } = membershipOf(ctx);
    const result = await deactivateManager(team._id, ctx.match[1]!, deps.clock.now());
    if (!result.ok) {
      return void (await ctx.answerCallbackQuery({ text: ctx.t(`team-deactivate-${result.error}`), show_alert: true }));
    }
    const member = result.value;
    // Their clients go to colleagues of the same level (or the free pool), as a run of its own.
    const runId = `${team._id}:leave:${member._id}:${member.deactivatedAt!.getTime()}`;
    const job: RotationRunJobData = { teamId: String(team._id), runId, kind: "deactivation", memberId: String(member._id), requestedBy: ctx.from.id };
    await deps.jobs.enqueue(ROTATION_RUN_JOB, job, { runId });
    await ctx.answerCallbackQuery();
    const { text, kb } = renderCard(ctx, team, member);
    await showInPlace(ctx, `${ctx.t("team-deactivated", { name: member.name })}\n\n${text}`, kb);

    // The former manager learns it in their own language and loses the member menu.
    const language = await languageOfUser(member.telegramId, deps.config.DEFAULT_LANGUAGE);
    if (await deliver(deps.api, deps.logger, member.telegramId, deps.i18n.t(language, "access-deactivated", { team: team.name }))) {
      await setChatMenu(deps.api, member.telegramId, "guest", language, deps.i18n);
    }
  });

  return composer;
}

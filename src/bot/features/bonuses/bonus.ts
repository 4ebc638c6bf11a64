import { Composer, InlineKeyboard } from "grammy";
import { actorOf } from "../../access.js";
import { BONUS_SETTING, TYPED_PLAN_SETTINGS, type TypedPlanSetting } from "../../../../scenes/bonus/plan-setting.js";
import { buildStatements } from "../../../bonuses/statements.js";
import { Client } from "../../../clients/client.model.js";
import dayjs from "../../../shared/dayjs.js";
import { updateTeamSettings } from "../../../teams/settings.js";
import type { TeamDoc } from "../../../teams/team.model.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { membershipOf, requireRole } from "../../access.js";
import { showInPlace } from "../../ui.js";
import { renderPlan, renderStatement, renderTeamSummary } from "../../../telegram/bonuses/views.js";

/**
 * /bonus: a manager's month to date and upcoming releases; a director's team
 * month to date and the bonus plan, editable (changes apply to deals logged
 * from then on: each deal keeps the plan it was logged with).
 */
export function bonusFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const members = requireRole("manager", "director");
  const directors = requireRole("director");
  const format = (ctx: BotContext, team: TeamDoc) => ({ currency: team.currency, language: ctx.identity.language, timezone: team.timezone });

  composer.command("bonus", members, async (ctx) => {
    const { member, team } = membershipOf(ctx);
    const month = dayjs(deps.clock.now()).tz(team.timezone).format("YYYY-MM");
    if (member.role === "director") {
      const statements = await buildStatements(team._id, month);
      await ctx.reply(renderTeamSummary(ctx.t, statements, format(ctx, team), "bonus-team-mtd-title"), {
        reply_markup: new InlineKeyboard().text(ctx.t("btn-bonus-plan"), "bp:m"),
      });
      return;
    }
    const [mine] = (await buildStatements(team._id, month, member._id)).managers;
    if (!mine) return void (await ctx.reply(ctx.t("bonus-none-yet")));
    const names = new Map((await Client.find({ _id: { $in: mine.lines.map((l) => l.clientId) } }, { name: 1 }).lean()).map((c) => [String(c._id), c.name]));
    await ctx.reply(renderStatement(ctx.t, mine, format(ctx, team), names, "bonus-mtd-title", month));
  });

  function planKeyboard(ctx: BotContext, team: TeamDoc) {
    const p = team.settings.bonus;
    const kb = new InlineKeyboard().text(ctx.t("bonus-setting-baseRateBp"), "bp:n:baseRateBp").row();
    for (const x of [1, 2, 3]) kb.text(p.newClientMultiplier === x ? `• ×${x} •` : `×${x}`, `bp:x:${x}`);
    kb.row()
      .text(`${ctx.t("bonus-setting-halving")}: ${ctx.t(p.halving ? "setting-on" : "setting-off")}`, "bp:t:halving")
      .row()
      .text(`${ctx.t("bonus-setting-capAtProfit")}: ${ctx.t(p.capAtProfit ? "setting-on" : "setting-off")}`, "bp:t:capAtProfit")
      .row()
      .text(ctx.t("bonus-setting-holdbackMonths"), "bp:n:holdbackMonths")
      .text(ctx.t(`bonus-retention-${p.retention === "not-lost" ? "repeat-deal" : "not-lost"}`), "bp:r")
      .row()
      .text(ctx.t("bonus-setting-acquisitionBonusMinor"), "bp:n:acquisitionBonusMinor");
    return kb;
  }
  const showPlan = async (ctx: BotContext, team: TeamDoc) => showInPlace(ctx, renderPlan(ctx.t, team.settings.bonus, format(ctx, team)), planKeyboard(ctx, team));

  composer.callbackQuery("bp:m", directors, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showPlan(ctx, membershipOf(ctx).team);
  });

  composer.callbackQuery(/^bp:([xtr]):?(\w*)$/, directors, async (ctx) => {
    const { team } = membershipOf(ctx);
    const plan = team.settings.bonus;
    const [, what, arg] = ctx.match as unknown as [string, "x" | "t" | "r", string];
    const patch =
      what === "x"
        ? { newClientMultiplier: Number(arg) }
        : what === "r"
          ? { retention: plan.retention === "not-lost" ? ("repeat-deal" as const) : ("not-lost" as const) }
          : arg === "halving" || arg === "capAtProfit"
            ? { [arg]: !plan[arg] }
            : null;
    const result = patch ? await updateTeamSettings(team._id, "bonus", patch) : null;
    if (!result?.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    await ctx.answerCallbackQuery({ text: ctx.t("bonus-plan-saved") });
    await showPlan(ctx, result.value);
  });

  composer.callbackQuery(/^bp:n:(\w+)$/, directors, async (ctx) => {
    const key = ctx.match[1] as TypedPlanSetting;
    if (!TYPED_PLAN_SETTINGS.includes(key)) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(BONUS_SETTING, actorOf(ctx), key);
  });
  return composer;
}

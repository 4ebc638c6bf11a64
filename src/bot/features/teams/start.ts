import { Composer, InlineKeyboard } from "grammy";
import { createTeamScene } from "../../../../scenes/teams/create-team.js";
import type { BotContext } from "../../../telegram/context.js";
import { createTeamButton } from "../../../telegram/teams/callbacks.js";
import { onCallback } from "../../callbacks.js";

/**
 * /start without a link: greets members, tells a deactivated member why, and
 * walks a newcomer to "Create a team". (Links, `/start <payload>`, are
 * dispatched by the runtime to the feature that owns the payload's prefix.)
 */
export function startHandlers(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("start", async (ctx) => {
    const m = ctx.identity.membership;
    if (m?.member.active) {
      await ctx.reply(
        ctx.t("start-member", { name: ctx.from!.first_name, team: m.team.name, role: ctx.t(`role-${m.member.role}`), level: m.member.level }),
      );
      return;
    }
    if (m) {
      await ctx.reply(ctx.t("access-deactivated", { team: m.team.name }));
      return;
    }
    await ctx.reply(ctx.t("start-guest"), {
      reply_markup: new InlineKeyboard().text(ctx.t("btn-create-team"), createTeamButton.pack({})),
    });
  });

  onCallback(composer, createTeamButton, [], async (ctx) => {
    await ctx.answerCallbackQuery();
    if (ctx.identity.membership?.member.active) {
      await ctx.reply(ctx.t("team-create-already-member"));
      return;
    }
    await createTeamScene.enter(ctx, ctx.identity.language);
  });
  return composer;
}

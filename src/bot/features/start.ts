import { Composer, InlineKeyboard } from "grammy";
import { CREATE_TEAM } from "../../../scenes/teams/create-team.js";
import { deliver } from "../../notify/deliver.js";
import { parseInvitePayload, redeemInvite } from "../../teams/invites.js";
import { languageOfUser } from "../../users/users.js";
import { setChatMenu } from "../command-menus.js";
import type { BotContext, BotDeps } from "../context.js";

const CREATE_TEAM_DATA = "team:create";

/**
 * /start: greets members, walks newcomers to "create a team", and opens deep
 * links (`/start inv-…`) that join someone to a team.
 */
export function startFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("start", async (ctx) => {
    const payload = ctx.match.trim();
    if (payload) {
      const token = parseInvitePayload(payload);
      if (token === null) {
        await ctx.reply(ctx.t("start-unknown-link"));
        return;
      }
      await joinByInvite(ctx, token);
      return;
    }
    const m = ctx.identity.membership;
    if (m?.member.active) {
      await ctx.reply(
        ctx.t("start-member", {
          name: ctx.from!.first_name,
          team: m.team.name,
          role: ctx.t(`role-${m.member.role}`),
          level: m.member.level,
        }),
      );
      return;
    }
    if (m) {
      await ctx.reply(ctx.t("access-deactivated", { team: m.team.name }));
      return;
    }
    await ctx.reply(ctx.t("start-guest"), {
      reply_markup: new InlineKeyboard().text(ctx.t("btn-create-team"), CREATE_TEAM_DATA),
    });
  });

  composer.callbackQuery(CREATE_TEAM_DATA, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (ctx.identity.membership?.member.active) {
      await ctx.reply(ctx.t("team-create-already-member"));
      return;
    }
    await ctx.conversation.enter(CREATE_TEAM, ctx.identity.language);
  });

  async function joinByInvite(ctx: BotContext, token: string): Promise<void> {
    const from = ctx.from!;
    const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
    const result = await redeemInvite({ token, user: { telegramId: from.id, name }, now: deps.clock.now() });
    if (!result.ok) {
      await ctx.reply(ctx.t(`invite-${result.error}`));
      return;
    }
    const { team, member, invite } = result.value;
    ctx.identity.membership = { team, member };
    const role = ctx.t(`role-${member.role}`);
    await setChatMenu(ctx.api, from.id, member.role, ctx.identity.language, deps.i18n);
    await ctx.reply(ctx.t("invite-joined", { team: team.name, role, level: member.level }));

    // Tell the director whose link it was; their language, not the newcomer's.
    const language = await languageOfUser(invite.createdBy, deps.config.DEFAULT_LANGUAGE);
    await deliver(
      deps.api,
      deps.logger,
      invite.createdBy,
      deps.i18n.t(language, "invite-used-notice", {
        name,
        role: deps.i18n.t(language, `role-${member.role}`),
        level: member.level,
      }),
    );
  }

  return composer;
}

import { parseInvitePayload, redeemInvite } from "../../../teams/invites.js";
import { setChatMenu } from "../../../telegram/command-menus.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { languageOfUser } from "../../../users/users.js";
import type { DeepLink } from "../../feature.js";

/**
 * `/start inv-…`: joins the sender to the invite's team with the role and
 * level set on it; the director whose link it was is told, in their language.
 */
export const inviteLink: DeepLink = {
  prefix: "inv-",
  async handle(ctx: BotContext, payload: string, deps: BotDeps): Promise<void> {
    const token = parseInvitePayload(payload);
    if (token === null) return void (await ctx.reply(ctx.t("start-unknown-link")));
    const from = ctx.from!;
    const name = [from.first_name, from.last_name].filter(Boolean).join(" ");
    const result = await redeemInvite({ token, user: { telegramId: from.id, name }, now: deps.clock.now() });
    if (!result.ok) return void (await ctx.reply(ctx.t(`invite-${result.error}`)));

    const { team, member, invite } = result.value;
    ctx.identity.membership = { team, member };
    await ctx.reply(ctx.t("invite-joined", { team: team.name, role: ctx.t(`role-${member.role}`), level: member.level }));
    await setChatMenu(ctx.api, from.id, member.role, ctx.identity.language, deps.i18n).catch((err: unknown) =>
      deps.logger.warn({ err }, "could not set the new member's command menu"),
    );

    const language = await languageOfUser(invite.createdBy, deps.config.DEFAULT_LANGUAGE);
    await deps.outbound.sendSoon({
      key: `invite.used:${invite._id}`,
      chatId: invite.createdBy,
      teamId: team._id,
      kind: "invite.used",
      message: {
        text: deps.i18n.t(language, "invite-used-notice", { name, role: deps.i18n.t(language, `role-${member.role}`), level: member.level }),
      },
    });
  },
};

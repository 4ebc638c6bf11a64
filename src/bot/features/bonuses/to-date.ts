import { Composer } from "grammy";
import { bonusToDate } from "../../../bonuses/to-date.js";
import { statementView, teamToDateView } from "../../../telegram/bonuses/views.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { actorRefOf, membershipOf, refusalKey, requireRole } from "../../access.js";

/** /bonus: a manager's month to date and upcoming releases; a director's team month to date and the way to the plan. */
export function toDateHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.command("bonus", requireRole("manager", "director"), async (ctx) => {
    const result = await bonusToDate({ actor: actorRefOf(ctx), now: deps.clock.now() });
    if (!result.ok) return void (await ctx.reply(ctx.t(refusalKey(result.error))));
    const { team } = membershipOf(ctx);
    const f = { currency: team.currency, language: ctx.identity.language, timezone: team.timezone };
    const mtd = result.value;
    if (mtd.kind === "team") {
      const view = teamToDateView(ctx.t, mtd.team, f);
      return void (await ctx.reply(view.text, { reply_markup: view.keyboard }));
    }
    if (!mtd.statement) return void (await ctx.reply(ctx.t("bonus-none-yet")));
    await ctx.reply(statementView(ctx.t, mtd.statement, f, mtd.clientNames, "bonus-mtd-title", mtd.month).text);
  });
  return composer;
}

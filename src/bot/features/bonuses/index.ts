import { Composer } from "grammy";
import { planSettingScene } from "../../../../scenes/bonuses/plan-setting.js";
import type { BotContext } from "../../../telegram/context.js";
import type { BotFeature } from "../../feature.js";
import { planHandlers } from "./plan.js";
import { toDateHandlers } from "./to-date.js";

/**
 * Bonuses: /bonus (month to date), the director's bonus plan, and in the
 * background the accrual of each deal's lines, holdback releases and
 * forfeits with their notices, and the monthly statements.
 *
 *   domain     src/bonuses/ (calculator.ts and friends: the pure rules; accrual.ts: deal events → lines;
 *              holdback.ts; monthly-statements.ts; to-date.ts; plan.ts, plan-values.ts)
 *   views      src/telegram/bonuses/ (callbacks.ts, views.ts)
 *   scenes     scenes/bonuses/plan-setting.ts
 *   jobs       jobs/bonuses/ (deal events, statements, holdback notices; clock.ts: the team clock's share)
 *   locales    locales/<lang>/bonus.ftl
 */
export const bonusesFeature: BotFeature = {
  name: "bonuses",
  scenes: [planSettingScene],
  handlers: (deps) => new Composer<BotContext>().use(toDateHandlers(deps), planHandlers()),
};

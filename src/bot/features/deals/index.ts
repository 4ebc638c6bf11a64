import { Composer } from "grammy";
import { editDealScene } from "../../../../scenes/deals/edit-deal.js";
import { logDealScene } from "../../../../scenes/deals/log-deal.js";
import type { BotContext } from "../../../telegram/context.js";
import type { BotFeature } from "../../feature.js";
import { clientDealsHandlers } from "./client-deals.js";
import { logDealHandlers } from "./log-deal.js";

/**
 * Deals: logging a deal, a client's deals, correcting and deleting one.
 *
 *   domain     src/deals/ (record-deal.ts, change-deal.ts: use cases; deal-access.ts: who sees which deal;
 *              for-bonus.ts: what the bonus engine reads of deals)
 *   views      src/telegram/deals/ (callbacks.ts, views.ts)
 *   scenes     scenes/deals/log-deal.ts, scenes/deals/edit-deal.ts
 *   events     "deal.recorded", "deal.corrected", "deal.deleted" (src/queue/catalog.ts), consumed by jobs/bonuses/
 *   locales    locales/<lang>/deals.ftl
 */
export const dealsFeature: BotFeature = {
  name: "deals",
  scenes: [logDealScene, editDealScene],
  handlers: (deps) => new Composer<BotContext>().use(logDealHandlers(), clientDealsHandlers(deps)),
};

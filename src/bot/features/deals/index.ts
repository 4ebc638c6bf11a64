import { EDIT_DEAL, editDealScene } from "../../../../scenes/deals/edit-deal.js";
import { LOG_DEAL, logDealScene } from "../../../../scenes/deals/log-deal.js";
import { defineScene } from "../../../../scenes/define.js";
import type { BotFeature } from "../../feature.js";
import { dealsFeature as dealHandlers } from "./deals.js";

// TODO(issue 8): being reshaped (codecs, use cases, typed scenes); see src/bot/features/teams for the target shape.
export const dealsFeature: BotFeature = {
  name: "deals",
  scenes: [defineScene(LOG_DEAL, logDealScene), defineScene(EDIT_DEAL, editDealScene)],
  handlers: (deps) => dealHandlers(deps),
};

import { BONUS_SETTING, bonusSettingScene } from "../../../../scenes/bonus/plan-setting.js";
import { defineScene } from "../../../../scenes/define.js";
import type { BotFeature } from "../../feature.js";
import { bonusFeature } from "./bonus.js";

// TODO(issue 8): being reshaped (codecs, use cases, typed scenes); see src/bot/features/teams for the target shape.
export const bonusesFeature: BotFeature = {
  name: "bonuses",
  scenes: [defineScene(BONUS_SETTING, bonusSettingScene)],
  handlers: (deps) => bonusFeature(deps),
};

import { defineScene } from "../../../../scenes/define.js";
import { ROTATION_REPORT, rotationReportScene } from "../../../../scenes/rotation/report.js";
import { ROTATION_SETTING, rotationSettingScene } from "../../../../scenes/rotation/setting.js";
import type { BotFeature } from "../../feature.js";
import { rotationFeature as rotationHandlers } from "./rotation.js";

// TODO(issue 8): being reshaped (codecs, use cases, typed scenes); see src/bot/features/teams for the target shape.
export const rotationFeature: BotFeature = {
  name: "rotation",
  scenes: [defineScene(ROTATION_REPORT, rotationReportScene), defineScene(ROTATION_SETTING, rotationSettingScene)],
  handlers: (deps) => rotationHandlers(deps),
};

import type { BotFeature } from "../../feature.js";
import { importExportFeature as importExportHandlers } from "./import-export.js";

// TODO(issue 8): being reshaped (codecs, use cases); see src/bot/features/teams for the target shape.
export const importExportFeature: BotFeature = {
  name: "import-export",
  handlers: (deps) => importExportHandlers(deps),
};

import type { BotFeature } from "../feature.js";
import { bonusesFeature } from "./bonuses/index.js";
import { clientsFeature } from "./clients/index.js";
import { dealsFeature } from "./deals/index.js";
import { importExportFeature } from "./import-export/index.js";
import { rotationFeature } from "./rotation/index.js";
import { teamsFeature } from "./teams/index.js";

/** Every feature of the bot, in the order their handlers see an update. */
export const FEATURES: readonly BotFeature[] = [teamsFeature, clientsFeature, dealsFeature, rotationFeature, bonusesFeature, importExportFeature];

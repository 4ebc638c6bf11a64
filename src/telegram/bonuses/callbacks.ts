import { TYPED_PLAN_SETTINGS } from "../../bonuses/plan-values.js";
import { callbackData, field } from "../callback-data.js";

/**
 * Buttons of the bonuses feature: the director's plan screen. Switches carry
 * the value they set (not "flip"), so a double tap sets the same value twice.
 */
export const bonusPlanButton = callbackData("bp.m", {});
export const MULTIPLIERS = ["1", "2", "3"] as const;
export const planMultiplierButton = callbackData("bp.x", { multiplier: field.oneOf(MULTIPLIERS) });
export const PLAN_SWITCHES = ["halving", "capAtProfit"] as const;
export type PlanSwitch = (typeof PLAN_SWITCHES)[number];
export const planSwitchButton = callbackData("bp.t", { setting: field.oneOf(PLAN_SWITCHES), on: field.bool });
export const RETENTIONS = ["not-lost", "repeat-deal"] as const;
export const planRetentionButton = callbackData("bp.r", { retention: field.oneOf(RETENTIONS) });
/** A value the director types (base rate, holdback months, new-client bonus): opens the conversation. */
export const planValueButton = callbackData("bp.n", { setting: field.oneOf(TYPED_PLAN_SETTINGS) });

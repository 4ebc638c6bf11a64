import { z } from "zod";

/**
 * A team's rules, validated with zod wherever they enter (team creation,
 * director edits, documents read back from the database). Defaults are the
 * ones the product spec names. Rates are integer basis points (200 = 2%),
 * money integer minor units.
 */

export const rotationSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  neverBoughtEnabled: z.boolean().default(true),
  neverBoughtMonths: z.number().int().min(1).max(60).default(6),
  lapsedEnabled: z.boolean().default(true),
  lapsedMonths: z.number().int().min(1).max(120).default(12),
  reportDays: z.number().int().min(1).max(90).default(7),
  /** Local time of the nightly run, "HH:mm" in the team's timezone. */
  runAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default("02:00"),
});

export const bonusPlanSchema = z.object({
  baseRateBp: z.number().int().min(0).max(10_000).default(200),
  newClientMultiplier: z.number().int().min(1).max(3).default(3),
  halving: z.boolean().default(true),
  capAtProfit: z.boolean().default(true),
  holdbackMonths: z.number().int().min(0).max(24).default(3),
  retention: z.enum(["not-lost", "repeat-deal"]).default("not-lost"),
  acquisitionBonusMinor: z.number().int().min(0).default(0),
});

export const digestSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).default("09:00"),
});

export const notificationSettingsSchema = z.object({
  /** What clients are promised before they consent, e.g. "discounts, at most once a week". */
  maxPerWeek: z.number().int().min(1).max(50).default(1),
});

export const teamSettingsSchema = z.object({
  rotation: rotationSettingsSchema.prefault({}),
  bonus: bonusPlanSchema.prefault({}),
  digest: digestSettingsSchema.prefault({}),
  notifications: notificationSettingsSchema.prefault({}),
});

export type TeamSettings = z.infer<typeof teamSettingsSchema>;
export type RotationSettings = z.infer<typeof rotationSettingsSchema>;
export type BonusPlan = z.infer<typeof bonusPlanSchema>;

export function defaultTeamSettings(): TeamSettings {
  return teamSettingsSchema.parse({});
}

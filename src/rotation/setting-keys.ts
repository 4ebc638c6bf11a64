import { fail, ok, type Result } from "../shared/result.js";
import { rotationSettingsSchema } from "../teams/team-settings.js";

/** The rotation settings a director switches on and off. */
export const TOGGLE_SETTINGS = ["enabled", "neverBoughtEnabled", "lapsedEnabled"] as const;
export type ToggleSetting = (typeof TOGGLE_SETTINGS)[number];

/** The rotation settings a director types a number for. */
export const NUMERIC_SETTINGS = ["neverBoughtMonths", "lapsedMonths", "reportDays"] as const;
export type NumericSetting = (typeof NUMERIC_SETTINGS)[number];

/** One change a director makes: a switch, or a threshold. */
export type RotationSettingChange = { key: ToggleSetting; value: boolean } | { key: NumericSetting; value: number };

export const isToggleSetting = (key: string): key is ToggleSetting => (TOGGLE_SETTINGS as readonly string[]).includes(key);
export const isNumericSetting = (key: string): key is NumericSetting => (NUMERIC_SETTINGS as readonly string[]).includes(key);

/** A typed threshold: a whole number within the settings schema's bounds for that key. */
export function parseRotationSetting(key: NumericSetting, text: string): Result<number, "setting-out-of-range"> {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return fail("setting-out-of-range");
  const n = Number(trimmed);
  return rotationSettingsSchema.shape[key].safeParse(n).success ? ok(n) : fail("setting-out-of-range");
}


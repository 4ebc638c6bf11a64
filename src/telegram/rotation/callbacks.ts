import { NUMERIC_SETTINGS, TOGGLE_SETTINGS } from "../../rotation/setting-keys.js";
import { callbackData, field } from "../callback-data.js";

/** Buttons of the rotation feature. `reportButton` is also on the client card and reminders. */
export const reportButton = callbackData("rr", { clientId: field.objectId });
/** /reports, one page of the open reports. */
export const reportListButton = callbackData("rr.ls", { page: field.int });

/** /rotation: back to the settings summary and its menu. */
export const rotationMenuButton = callbackData("rot.m", {});
export const previewButton = callbackData("rot.p", {});
/** "Run now" under a preview, and its confirmation: both carry the token the preview stored. */
export const runNowButton = callbackData("rot.c", { token: field.token(16) });
export const runConfirmButton = callbackData("rot.go", { token: field.token(16) });
export const historyButton = callbackData("rot.h", { page: field.int });
export const settingsButton = callbackData("rot.s", {});
export const toggleSettingButton = callbackData("rot.t", { key: field.oneOf(TOGGLE_SETTINGS) });
export const numericSettingButton = callbackData("rot.n", { key: field.oneOf(NUMERIC_SETTINGS) });

import { callbackData, field } from "../callback-data.js";

/**
 * Buttons of the clients feature. `clientCardButton` and `logContactButton`
 * are also used by other features' views (rotation notices, deals, reminders).
 */
export const clientCardButton = callbackData("cl.v", { clientId: field.objectId, page: field.int });
export const logContactButton = callbackData("cl.c", { clientId: field.objectId });

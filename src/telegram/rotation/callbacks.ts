import { callbackData, field } from "../callback-data.js";

/** Buttons of the rotation feature. `reportButton` is also on the client card and reminders. */
export const reportButton = callbackData("rr", { clientId: field.objectId });

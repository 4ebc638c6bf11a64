import { callbackData, field } from "../callback-data.js";

/** Buttons of the deals feature. `logDealButton` and `clientDealsButton` sit on the client card too. */
export const logDealButton = callbackData("dl.new", { clientId: field.objectId });
export const clientDealsButton = callbackData("dl.ls", { clientId: field.objectId });

import { callbackData, field } from "../callback-data.js";

/** Buttons of the deals feature. `logDealButton` and `clientDealsButton` sit on the client card too. */
export const logDealButton = callbackData("dl.new", { clientId: field.objectId });
export const clientDealsButton = callbackData("dl.ls", { clientId: field.objectId });
/** Further pages of a client's deals. */
export const clientDealsPageButton = callbackData("dl.lp", { clientId: field.objectId, page: field.int });
export const dealCardButton = callbackData("dl.v", { dealId: field.objectId });
export const DEAL_FIELDS = ["amount", "profit"] as const;
export type DealField = (typeof DEAL_FIELDS)[number];
export const dealEditButton = callbackData("dl.e", { dealId: field.objectId, field: field.oneOf(DEAL_FIELDS) });
export const dealDeleteButton = callbackData("dl.x", { dealId: field.objectId });
export const dealDeleteConfirmButton = callbackData("dl.xok", { dealId: field.objectId });

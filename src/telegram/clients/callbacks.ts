import { SNOOZES } from "../../clients/contacts.js";
import { CLIENT_FLAGS, CLIENT_KINDS, TEXT_FIELDS } from "../../clients/edit-client.js";
import { CLIENT_FILTERS } from "../../clients/queries.js";
import { callbackData, field, type Field } from "../callback-data.js";

/**
 * Buttons of the clients feature. `clientCardButton` and `logContactButton`
 * are also used by other features' views (rotation notices, deals, reminders).
 */
export const clientCardButton = callbackData("cl.v", { clientId: field.objectId, page: field.int });
export const logContactButton = callbackData("cl.c", { clientId: field.objectId });

/** Whose clients a director's list shows: a member's id, or "pool" for the team's free pool. */
const ownerField: Field<string> = {
  encode: (v) => v,
  decode: (s) => (s === "pool" || field.objectId.decode(s) !== undefined ? s : undefined),
};

/** /clients: a filter and page, optionally narrowed to one owner (directors). */
export const clientListButton = callbackData("cl.l", {
  filter: field.oneOf(CLIENT_FILTERS),
  page: field.int,
  owner: field.optional(ownerField),
});
/** "By manager" (directors): a page of the team's members. */
export const clientOwnersButton = callbackData("cl.m", { page: field.int });
/** Another page of a /find, by the search's id (the query stays on the server). */
export const searchPageButton = callbackData("cl.fp", { searchId: field.objectId, page: field.int });

/** The card's "Edit": which field to change. */
export const editClientButton = callbackData("cl.e", { clientId: field.objectId });
/** A typed field: opens the edit conversation. */
export const editFieldButton = callbackData("cl.ef", { clientId: field.objectId, field: field.oneOf(TEXT_FIELDS) });
/** Business or private: the kind the client becomes. */
export const clientKindButton = callbackData("cl.k", { clientId: field.objectId, kind: field.oneOf(CLIENT_KINDS) });
/** Key account or pinned, set on or off (a second tap of an old button sets the same value again). */
export const clientFlagButton = callbackData("cl.fl", { clientId: field.objectId, flag: field.oneOf(CLIENT_FLAGS), on: field.bool });
export const markLostButton = callbackData("cl.lost", { clientId: field.objectId });
export const reactivateButton = callbackData("cl.re", { clientId: field.objectId });

/** Under a follow-up reminder: done (then log the contact), or snooze. */
export const followUpDoneButton = callbackData("fu.d", { eventId: field.objectId });
export const followUpSnoozeButton = callbackData("fu.s", { eventId: field.objectId, snooze: field.oneOf(SNOOZES) });

/**
 * Buttons of messages sent before the codecs (`cl:v:<id>:<page>`,
 * `fu:<d|h|t>:<id>`): rotation notices, report and follow-up reminders still
 * sitting in people's chats. Read only, never written; any other old `cl:`
 * button decodes to nothing and is answered "no longer active".
 */
const decimal: Field<number> = {
  encode: (v) => String(v),
  decode: (s) => (/^\d{1,6}$/.test(s) ? Number(s) : undefined),
};
export const legacyCardButton = callbackData("cl", { view: field.oneOf(["v"]), clientId: field.objectId, page: decimal });
export const legacyFollowUpButton = callbackData("fu", { action: field.oneOf(["d", "h", "t"]), eventId: field.objectId });

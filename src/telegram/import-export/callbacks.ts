import { EXPORT_KINDS } from "../../clients/export/rows.js";
import { callbackData, field } from "../callback-data.js";

/**
 * Buttons of the CSV import and the exports. Every import button names the
 * import by id; the owner is a manager's member id, or none for the team's
 * free pool. Ids are looked up within the presser's own team.
 */
const owner = field.optional(field.objectId);

/** The preview of an import, at a page of its owner buttons ("Back" from the confirmation shows page 0). */
export const importPreviewButton = callbackData("imp.p", { importId: field.objectId, page: field.int });
/** Picks whose clients the new ones will be; the confirmation follows. */
export const importOwnerButton = callbackData("imp.o", { importId: field.objectId, owner });
export const importConfirmButton = callbackData("imp.y", { importId: field.objectId, owner });
export const importCancelButton = callbackData("imp.x", { importId: field.objectId });
export const exportButton = callbackData("exp", { kind: field.oneOf(EXPORT_KINDS) });

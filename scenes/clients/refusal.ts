import type { ActorRefusal } from "../../src/clients/access.js";
import type { Translate } from "../../src/i18n/i18n.js";

/**
 * The answer when a use case refused the conversation's actor: deactivated
 * (or moved) since the conversation started, so nothing was written; or no
 * longer in a role that may do this.
 */
export const refusalText = (t: Translate, error: ActorRefusal): string =>
  t(error === "not-allowed" ? "access-directors-only" : "access-no-longer-member");

export const isRefusal = (error: string): error is ActorRefusal => error === "not-a-member" || error === "not-allowed";

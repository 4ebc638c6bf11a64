import { Composer } from "grammy";
import { editClientScene, markLostScene } from "../../../../scenes/clients/edit-client.js";
import { logContactScene } from "../../../../scenes/clients/log-contact.js";
import { newClientScene } from "../../../../scenes/clients/new-client.js";
import type { BotContext } from "../../../telegram/context.js";
import type { BotFeature } from "../../feature.js";
import { cardHandlers } from "./card.js";
import { editHandlers } from "./edit.js";
import { findHandlers } from "./find.js";
import { flowHandlers } from "./flows.js";
import { followUpHandlers } from "./follow-ups.js";
import { listHandlers } from "./list.js";

/**
 * Clients: managers' daily work (directors see the whole team): lists, the
 * card, search, a new client, contacts with follow-up reminders, edits, lost
 * and active again.
 *
 *   domain     src/clients/ (browse.ts: lists, card, search, picking; create-client.ts: addClient;
 *              contacts.ts: logContact, follow-ups; edit-client.ts: fields, flags, lost/reactivate)
 *   views      src/telegram/clients/ (callbacks.ts, views.ts, client-card.ts)
 *   scenes     scenes/clients/ (new-client, log-contact, edit-client + mark-lost, pick-client)
 *   jobs       jobs/clients/ (the follow-up reminder)
 *   locales    locales/<lang>/clients.ftl
 */
export const clientsFeature: BotFeature = {
  name: "clients",
  scenes: [newClientScene, logContactScene, editClientScene, markLostScene],
  handlers: (deps) =>
    new Composer<BotContext>().use(
      listHandlers(deps),
      cardHandlers(deps),
      findHandlers(deps),
      flowHandlers(),
      editHandlers(deps),
      followUpHandlers(deps),
    ),
};

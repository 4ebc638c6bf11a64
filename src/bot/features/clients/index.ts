import { Composer } from "grammy";
import { EDIT_CLIENT, editClientScene, MARK_LOST, markLostScene } from "../../../../scenes/clients/edit-client.js";
import { LOG_CONTACT, logContactScene } from "../../../../scenes/clients/log-contact.js";
import { NEW_CLIENT, newClientScene } from "../../../../scenes/clients/new-client.js";
import { defineScene } from "../../../../scenes/define.js";
import type { BotContext } from "../../../telegram/context.js";
import type { BotFeature } from "../../feature.js";
import { clientsFeature as clientHandlers } from "./clients.js";
import { followUpsFeature } from "./follow-ups.js";

// TODO(issue 8): being reshaped (codecs, use cases, typed scenes); see src/bot/features/teams for the target shape.
export const clientsFeature: BotFeature = {
  name: "clients",
  scenes: [
    defineScene(NEW_CLIENT, newClientScene),
    defineScene(LOG_CONTACT, logContactScene),
    defineScene(EDIT_CLIENT, editClientScene),
    defineScene(MARK_LOST, markLostScene),
  ],
  handlers: (deps) => new Composer<BotContext>().use(clientHandlers(deps), followUpsFeature(deps)),
};

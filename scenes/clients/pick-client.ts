import { Types } from "mongoose";
import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { findClients, recentClients } from "../../src/clients/queries.js";
import { findVisibleClient } from "../../src/clients/viewer.js";
import { translator, type Translate } from "../../src/i18n/i18n.js";
import { loadTeamFacts, viewerOf, type SceneActor, type TeamFacts } from "../actor.js";
import { askRaw, type Choice } from "../kit.js";

export interface PickedClient {
  id: string;
  name: string;
}

const RECENT = 6;
const MATCHES = 8;
const asRows = (clients: PickedClient[]): Choice[][] => clients.map((c) => [{ label: c.name, value: c.id }]);

/**
 * "Which client?": recent clients as buttons, or type part of a name, a
 * phone or an email to search. Only clients the actor may see are offered,
 * and a given id (from a card's button) is re-checked the same way.
 */
export async function pickClient(
  conversation: SceneConversation,
  ctx: SceneContext,
  t: Translate,
  actor: SceneActor,
  givenId: string | null,
): Promise<PickedClient | null> {
  const viewer = viewerOf(actor);
  if (givenId) {
    const given = await conversation.external(async () => {
      const c = await findVisibleClient(viewer, givenId);
      return c && c.status === "active" ? { id: String(c._id), name: c.name } : null;
    });
    if (given) return given;
  }
  const recent = await conversation.external(async () =>
    (await recentClients(viewer, RECENT)).map((c) => ({ id: String(c._id), name: c.name })),
  );
  // Recent clients are the active ones, most recently worked first: none means nothing to pick.
  if (recent.length === 0) {
    await ctx.reply(t("client-pick-none-yet"));
    return null;
  }
  let offered = recent;
  let prompt = t("client-pick");
  for (;;) {
    const answer = await askRaw(conversation, ctx, t, { prompt, choices: asRows(offered) });
    if (answer.kind === "pick") {
      const chosen = offered.find((c) => c.id === answer.value);
      if (chosen) return chosen;
      continue;
    }
    const found = await conversation.external(async () =>
      (await findClients(viewer, answer.text, 0, MATCHES)).items
        .filter((c) => c.status === "active")
        .map((c) => ({ id: String(c._id), name: c.name })),
    );
    if (found.length === 1) return found[0]!;
    offered = found.length > 0 ? found : recent;
    prompt = found.length > 0 ? t("client-pick-many") : t("client-pick-nothing", { text: answer.text });
  }
}

export interface ClientFlow {
  t: Translate;
  client: PickedClient;
  team: TeamFacts;
  /** An id chosen once for what the flow will write (its idempotency key). */
  newId: string;
}

/** How every "do something on a client" conversation starts: the client, the team, a fresh id. */
export async function openClientFlow(
  conversation: SceneConversation,
  ctx: SceneContext,
  deps: Pick<BotDeps, "i18n">,
  actor: SceneActor,
  clientId: string | null,
): Promise<ClientFlow | null> {
  const t = translator(deps.i18n, actor.language);
  const client = await pickClient(conversation, ctx, t, actor, clientId);
  if (!client) return null;
  const team = await loadTeamFacts(conversation, actor.teamId);
  const newId = await conversation.external(() => String(new Types.ObjectId()));
  return { t, client, team, newId };
}

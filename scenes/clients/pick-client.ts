import { clientToWorkOn, matchingClientsToWorkOn, recentClientsToWorkOn, type PickedClient } from "../../src/clients/browse.js";
import { newEntryId } from "../../src/clients/ids.js";
import { translator, type Translate } from "../../src/i18n/i18n.js";
import type { Result } from "../../src/shared/result.js";
import type { BotDeps, SceneContext, SceneConversation } from "../../src/telegram/context.js";
import { loadTeamFacts, type SceneActor, type TeamFacts } from "../actor.js";
import { askRaw, type Choice } from "../kit.js";
import { isRefusal, refusalText } from "./refusal.js";

export type { PickedClient };

const RECENT = 6;
const MATCHES = 8;
const asRows = (clients: PickedClient[]): Choice[][] => clients.map((c) => [{ label: c.name, value: c.id }]);

/**
 * "Which client?": recent clients as buttons, or type part of a name, a
 * phone or an email to search. Only clients the actor may see are offered,
 * and a given id (from a card's button) is re-checked the same way. An actor
 * who is no longer an active member is told so and gets nothing to pick.
 */
export async function pickClient(
  conversation: SceneConversation,
  ctx: SceneContext,
  t: Translate,
  actor: SceneActor,
  givenId: string | null,
): Promise<PickedClient | null> {
  /** A read through a use case; a refused actor is told why and the conversation ends (undefined). */
  const read = async <T>(run: () => Promise<Result<T>>): Promise<T | undefined> => {
    const result = await conversation.external(run);
    if (result.ok) return result.value;
    await ctx.reply(isRefusal(result.error) ? refusalText(t, result.error) : t("client-not-yours"));
    return undefined;
  };

  if (givenId) {
    const given = await read(() => clientToWorkOn(actor, givenId));
    if (given === undefined) return null;
    // Null: not (or no longer) one the actor may work on; they pick among their own below.
    if (given) return given;
  }
  const recent = await read(() => recentClientsToWorkOn(actor, RECENT));
  if (recent === undefined) return null;
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
    const found = await read(() => matchingClientsToWorkOn(actor, answer.text, MATCHES));
    if (found === undefined) return null;
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
  const newId = await conversation.external(() => newEntryId());
  return { t, client, team, newId };
}

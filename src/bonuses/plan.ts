import { ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../teams/actor.js";
import { updateTeamSettings } from "../teams/settings.js";
import { loadTeamFacts } from "../teams/team-facts.js";
import type { BonusPlan } from "../teams/team-settings.js";

/**
 * The director changes the team's bonus plan. A change applies to deals
 * logged from then on: each deal keeps the plan it was logged with. The
 * whole resulting plan is validated, so no patch leaves a plan the product
 * does not allow. (Typed values are read by ./plan-values.ts.)
 */
export async function changeBonusPlan(input: { actor: ActorRef; patch: Partial<BonusPlan> }): Promise<Result<BonusPlan, ActorRefusal | "invalid-setting">> {
  const director = await checkActor(input.actor, ["director"]);
  if (!director.ok) return director;
  const updated = await updateTeamSettings(director.value.teamId, "bonus", input.patch);
  return updated.ok ? ok(updated.value.settings.bonus) : updated;
}

/** The plan as it stands, for the director's plan screen. */
export async function bonusPlanOf(actor: ActorRef): Promise<Result<BonusPlan, ActorRefusal>> {
  const director = await checkActor(actor, ["director"]);
  if (!director.ok) return director;
  return ok((await loadTeamFacts(director.value.teamId)).bonusPlan);
}

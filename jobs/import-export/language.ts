import type { Translate } from "../../src/i18n/i18n.js";
import { languageOfUser } from "../../src/users/users.js";
import type { JobDeps } from "../runtime/deps.js";

/** Texts in the language of the director who asked (jobs answer outside any update). */
export async function translatorFor(deps: JobDeps, chatId: number): Promise<Translate> {
  const language = await languageOfUser(chatId, deps.config.DEFAULT_LANGUAGE);
  return (key, vars) => deps.i18n.t(language, key, vars);
}

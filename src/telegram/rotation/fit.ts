import type { Translate } from "../../i18n/i18n.js";
import { MESSAGE_MAX, splitText } from "../limits.js";

/** What a rotation message may use of Telegram's 4,096 characters (a margin for what the client adds). */
export const TEXT_BUDGET = MESSAGE_MAX - 96;

/** A list inside a message: its heading and closing lines stay; its lines are cut to fit with "…and N more". */
export interface Section {
  head?: string[];
  lines: string[];
  /** Lines shown at most, whatever the room. */
  max: number;
  /** Items not even given as lines (counted in "…and N more"). */
  unlisted?: number;
  foot?: string[];
}

/**
 * Builds a message from fixed lines and lists that grow with the team (moves,
 * managers, notes), so that it fits one Telegram message in any language and
 * with any names: each list shows at most its `max` lines, and while the text
 * is still too long the longest list gives up a line at a time ("…and N
 * more"). Lists with no lines are left out, heading and all.
 */
export function fitSections(t: Translate, head: string[], sections: Section[], budget = TEXT_BUDGET): string {
  const shown = sections.map((s) => Math.min(s.max, s.lines.length));
  const render = () => {
    const out = [...head];
    sections.forEach((s, i) => {
      if (s.lines.length === 0) return;
      out.push(...(s.head ?? []), ...s.lines.slice(0, shown[i]));
      const more = s.lines.length - shown[i]! + (s.unlisted ?? 0);
      if (more > 0) out.push(t("rotation-more", { count: more }));
      out.push(...(s.foot ?? []));
    });
    return out.join("\n");
  };
  let text = render();
  while (text.length > budget) {
    let longest = -1;
    shown.forEach((n, i) => {
      if (n > 0 && (longest < 0 || n > shown[longest]!)) longest = i;
    });
    if (longest < 0) break;
    shown[longest] = shown[longest]! - 1;
    text = render();
  }
  // Only fixed lines left and still too long (cannot happen with the texts we have): cut at a line.
  return text.length > budget ? splitText(text, budget)[0]! : text;
}

import type { InlineKeyboardMarkup } from "grammy/types";

/**
 * Telegram's size limits and how Baton stays inside them. Message text is
 * 1–4,096 characters and a caption 0–1,024 (counted in UTF-16 code units, as
 * Telegram counts entity offsets; JavaScript's `length` is exactly that).
 * Texts are split at line boundaries so no message ever fails for its size,
 * whatever the team's size or language.
 */
export const MESSAGE_MAX = 4096;
export const CAPTION_MAX = 1024;
/** Buttons per inline keyboard and per row that Telegram accepts. */
export const KEYBOARD_MAX_BUTTONS = 100;
export const KEYBOARD_MAX_ROW = 8;

/**
 * Splits a text into pieces of at most `max` characters, preferring line
 * breaks, then spaces, and never cutting a surrogate pair. Joining the
 * pieces with "\n" gives the text back where it was split at a line break.
 */
export function splitText(text: string, max = MESSAGE_MAX): string[] {
  if (max < 2) throw new Error("max must be at least 2");
  if (text.length <= max) return [text.length ? text : " "];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    let skip = 1; // drop the line break itself: each piece starts a new message anyway
    if (cut <= 0) {
      cut = rest.lastIndexOf(" ", max);
      if (cut <= max / 2) {
        // One very long line: hard cut, but not inside a surrogate pair.
        cut = max;
        if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
        skip = 0;
      }
    }
    const piece = rest.slice(0, cut);
    if (piece.trim().length > 0) parts.push(piece);
    rest = rest.slice(cut + skip);
  }
  if (rest.trim().length > 0) parts.push(rest);
  return parts.length ? parts : [" "];
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * A caption that fits: the longest head of `text` within 1,024 characters cut
 * at a line break, and the rest, to be sent as text message(s) right after.
 */
export function fitCaption(text: string, max = CAPTION_MAX): { caption: string; rest: string | null } {
  if (text.length <= max) return { caption: text, rest: null };
  const [head] = splitText(text, max);
  const rest = text.slice(head!.length).replace(/^\n/, "");
  return { caption: head!, rest: rest.trim().length ? rest : null };
}

/** Whether an inline keyboard is within Telegram's limits (views page long lists so it always is). */
export function keyboardFits(markup: InlineKeyboardMarkup | undefined): boolean {
  if (!markup) return true;
  const rows = markup.inline_keyboard;
  const total = rows.reduce((n, row) => n + row.length, 0);
  return total <= KEYBOARD_MAX_BUTTONS && rows.every((row) => row.length <= KEYBOARD_MAX_ROW);
}

/** A button label that shows whole on a phone: at most `max` characters, with an ellipsis when cut. */
export function buttonLabel(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

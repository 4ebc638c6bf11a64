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
 * Pieces that would hold only whitespace are left out (Telegram refuses them).
 */
export function splitText(text: string, max = MESSAGE_MAX): string[] {
  if (max < 2) throw new Error("max must be at least 2");
  if (text.length <= max) return [text.length ? text : " "];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const { cut, skip } = cutPoint(rest, max);
    const piece = rest.slice(0, cut);
    if (piece.trim().length > 0) parts.push(piece);
    rest = rest.slice(cut + skip);
  }
  if (rest.trim().length > 0) parts.push(rest);
  return parts.length ? parts : [" "];
}

/**
 * Where to cut a text longer than `max`: the last line break within it, else
 * the last space in its second half, else a hard cut at `max` (moved back one
 * if that would split a surrogate pair). `skip` is the separator dropped there.
 */
function cutPoint(text: string, max: number): { cut: number; skip: number } {
  const lineBreak = text.lastIndexOf("\n", max);
  if (lineBreak > 0) return { cut: lineBreak, skip: 1 };
  const space = text.lastIndexOf(" ", max);
  if (space > max / 2) return { cut: space, skip: 1 };
  return { cut: isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max, skip: 0 };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * A caption that fits: the longest head of `text` within 1,024 characters cut
 * at a line break, and the rest, to be sent as text message(s) right after.
 */
export function fitCaption(text: string, max = CAPTION_MAX): { caption: string; rest: string | null } {
  if (text.length <= max) return { caption: text, rest: null };
  const { cut, skip } = cutPoint(text, max);
  const rest = text.slice(cut + skip);
  return { caption: text.slice(0, cut), rest: rest.trim().length ? rest : null };
}

/** `text` cut to at most `max` characters with "…" when it is longer (never inside a surrogate pair). */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = isHighSurrogate(text.charCodeAt(max - 2)) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/** Whether an inline keyboard is within Telegram's limits (views page long lists so it always is). */
export function keyboardFits(markup: InlineKeyboardMarkup | undefined): boolean {
  // Reply keyboards, remove_keyboard and force_reply have no inline_keyboard.
  const rows = (markup as Partial<InlineKeyboardMarkup> | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return true;
  const total = rows.reduce((n, row) => n + row.length, 0);
  return total <= KEYBOARD_MAX_BUTTONS && rows.every((row) => row.length <= KEYBOARD_MAX_ROW);
}

/** A button label that shows whole on a phone: at most `max` characters, with an ellipsis when cut. */
export function buttonLabel(text: string, max = 60): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buttonLabel, CAPTION_MAX, cutText, fitCaption, keyboardFits, MESSAGE_MAX, splitText } from "../../src/telegram/limits.js";

// Telegram's size limits, checked on generated texts. Every expectation is
// computed from the input (an oracle), not by re-running the splitter's logic.

const RUNS = { numRuns: 500 };

const nonWhitespace = (s: string) => s.replace(/\s/g, "");
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** Whether every surrogate in `s` is part of a whole pair (String.prototype.isWellFormed, not in our ES2023 lib). */
function wellFormed(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isHigh(c)) {
      if (!isLow(s.charCodeAt(i + 1))) return false;
      i++;
    } else if (isLow(c)) return false;
  }
  return true;
}

/** Characters that stress the splitter: line breaks, spaces, emoji (surrogate pairs), Cyrillic, Devanagari. */
const charArb = fc.constantFrom("a", "b", "\n", " ", "😀", "ж", "क", "\t", "\r\n");
const textArb = (maxLength: number) => fc.array(charArb, { maxLength }).map((cs) => cs.join(""));
const maxArb = fc.integer({ min: 2, max: 40 });
/** Non-blank lines, each within `max`. */
const linesArb = (max: number) =>
  fc.array(
    fc.array(fc.constantFrom("a", "b", " ", "😀", "ж"), { minLength: 1, maxLength: max }).map((cs) => {
      let line = cs.join("");
      while (line.length > max) line = line.slice(0, -2); // drop a whole emoji or two letters
      return line.trim() ? line : "x";
    }),
    { minLength: 1, maxLength: 30 },
  );

describe("splitText", () => {
  it("keeps every piece within the limit, non-blank, and loses no visible character, in order", () => {
    fc.assert(
      fc.property(textArb(300), maxArb, (text, max) => {
        const pieces = splitText(text, max);
        expect(pieces.length).toBeGreaterThan(0);
        for (const piece of pieces) {
          expect(piece.length).toBeGreaterThan(0);
          expect(piece.length).toBeLessThanOrEqual(max);
        }
        if (nonWhitespace(text) !== "") for (const piece of pieces) expect(piece.trim()).not.toBe("");
        expect(nonWhitespace(pieces.join(""))).toBe(nonWhitespace(text));
      }),
      RUNS,
    );
  });

  it("never cuts a surrogate pair", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }).filter(wellFormed), maxArb, (text, max) => {
        for (const piece of splitText(text, max)) {
          expect(wellFormed(piece)).toBe(true);
          expect(isLow(piece.charCodeAt(0))).toBe(false);
          expect(isHigh(piece.charCodeAt(piece.length - 1))).toBe(false);
        }
      }),
      RUNS,
    );
    // The worst case: emoji only, an odd limit.
    const emoji = "😀".repeat(50);
    const pieces = splitText(emoji, 7);
    expect(pieces.map((p) => p.length)).toEqual([...Array<number>(16).fill(6), 4]);
    expect(pieces.every(wellFormed)).toBe(true);
    expect(pieces.join("")).toBe(emoji);
  });

  it("cuts only at line breaks when every line fits, and fills each piece as far as the lines allow", () => {
    fc.assert(
      fc.property(
        maxArb.chain((max) => fc.tuple(fc.constant(max), linesArb(max))),
        ([max, lines]) => {
          const text = lines.join("\n");
          const pieces = splitText(text, max);
          expect(pieces.join("\n")).toBe(text);
          // Greedy: the next piece's first line would not have fitted.
          for (let i = 0; i + 1 < pieces.length; i++) {
            const nextLine = pieces[i + 1]!.split("\n")[0]!;
            expect(pieces[i]!.length + 1 + nextLine.length).toBeGreaterThan(max);
          }
        },
      ),
      RUNS,
    );
  });

  it("prefers a line break, then a space in the second half, then a hard cut", () => {
    expect(splitText("aaaa\nbbbb cccc", 12)).toEqual(["aaaa", "bbbb cccc"]);
    expect(splitText("aaaa bbbbbbbb", 10)).toEqual(["aaaa bbbbb", "bbb"]); // the only space is in the first half: hard cut
    expect(splitText("aaaaaa bbbbbb", 10)).toEqual(["aaaaaa", "bbbbbb"]);
    expect(splitText("abcdefghijkl", 5)).toEqual(["abcde", "fghij", "kl"]);
    expect(splitText("", 5)).toEqual([" "]);
    expect(splitText("short")).toEqual(["short"]);
    expect(() => splitText("abc", 1)).toThrow();
  });

  it("splits a real long message at Telegram's 4,096", () => {
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i}: Аня передала клиента «ООО Ромашка» 😀 → Борису`).join("\n");
    const pieces = splitText(text);
    expect(text.length).toBeGreaterThan(3 * MESSAGE_MAX);
    expect(pieces.length).toBeGreaterThanOrEqual(Math.ceil(text.length / MESSAGE_MAX));
    expect(pieces.length).toBeLessThanOrEqual(Math.ceil(text.length / MESSAGE_MAX) + 1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(pieces.join("\n")).toBe(text);
  });
});

describe("fitCaption", () => {
  it("keeps the head within 1,024 and sends the rest, losing nothing", () => {
    fc.assert(
      fc.property(textArb(300), maxArb, (text, max) => {
        const { caption, rest } = fitCaption(text, max);
        expect(caption.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(caption)).toBe(true);
        if (text.length <= max) {
          expect(caption).toBe(text);
          expect(rest).toBeNull();
        }
        expect(nonWhitespace(caption + (rest ?? ""))).toBe(nonWhitespace(text));
        if (rest !== null) expect(text.endsWith(rest)).toBe(true);
      }),
      RUNS,
    );
  });

  it("cuts at a line break so caption + line break + rest is the text", () => {
    const text = Array.from({ length: 40 }, (_, i) => `${i} ${"w".repeat(40)}`).join("\n");
    const { caption, rest } = fitCaption(text);
    expect(caption.length).toBeLessThanOrEqual(CAPTION_MAX);
    expect(`${caption}\n${rest!}`).toBe(text);
    expect(fitCaption("short caption")).toEqual({ caption: "short caption", rest: null });
  });

  it("does not repeat text when the caption starts with blank lines (regression)", () => {
    const text = `${"\n".repeat(1500)}hello`;
    const { caption, rest } = fitCaption(text);
    expect(`${caption}${rest ?? ""}`.match(/hello/g)).toHaveLength(1);
  });
});

describe("cutText and buttonLabel", () => {
  it("cut within the limit with an ellipsis, never inside a surrogate pair", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }).filter(wellFormed), fc.integer({ min: 2, max: 250 }), (text, max) => {
        const cut = cutText(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(wellFormed(cut)).toBe(true);
        if (text.length <= max) expect(cut).toBe(text);
        else {
          expect(cut.endsWith("…")).toBe(true);
          expect(text.startsWith(cut.slice(0, -1))).toBe(true);
        }
      }),
      RUNS,
    );
    expect(cutText(`${"a".repeat(198)}😀😀`, 200)).toBe(`${"a".repeat(198)}…`);
    expect(buttonLabel("x".repeat(70))).toHaveLength(60);
    expect(buttonLabel("Ромашка")).toBe("Ромашка");
  });
});

describe("keyboardFits", () => {
  it("checks inline keyboards against 100 buttons and 8 per row, and lets other markups through", () => {
    const button = { text: "b", callback_data: "b" };
    expect(keyboardFits(undefined)).toBe(true);
    expect(keyboardFits({ inline_keyboard: Array.from({ length: 12 }, () => Array(8).fill(button)) })).toBe(true);
    expect(keyboardFits({ inline_keyboard: Array.from({ length: 13 }, () => Array(8).fill(button)) })).toBe(false);
    expect(keyboardFits({ inline_keyboard: [Array(9).fill(button)] })).toBe(false);
    // Reply keyboards and their removal are not inline keyboards (this used to throw).
    expect(keyboardFits({ keyboard: [[{ text: "Share contact", request_contact: true }]] } as never)).toBe(true);
    expect(keyboardFits({ remove_keyboard: true } as never)).toBe(true);
    expect(keyboardFits({ force_reply: true } as never)).toBe(true);
  });
});

/**
 * The text rules that make every byte string a draw hashes unambiguous.
 *
 * Ids (draw ids and entry ids) are opaque strings, hashed as UTF-8. An id is accepted only
 * when it is 1–MAX_ID_BYTES bytes of well-formed Unicode without control characters:
 * - no control characters means no newline and no NUL, so "one id per line" and
 *   "draw id NUL entry id" can each be split back into their parts in exactly one way;
 * - well-formed means no lone UTF-16 surrogate, which UTF-8 encoding would silently turn
 *   into U+FFFD, making two different strings hash the same.
 *
 * Order is the byte order of the UTF-8 encodings (what `LC_ALL=C sort` does). It is not
 * JavaScript's default string order, which compares UTF-16 code units and puts characters
 * above U+FFFF before U+E000–U+FFFF.
 */

export type DrawInputErrorCode =
  | "bad-seed"
  | "bad-draw-id"
  | "bad-entry-id"
  | "duplicate-entry"
  | "bad-winner-count"
  | "bad-proof-field"
  | "commitment-mismatch";

/** A caller handed the draw code something it must not hash (a programming or data error). */
export class DrawInputError extends Error {
  override readonly name = "DrawInputError";
  constructor(
    readonly code: DrawInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Longest id in UTF-8 bytes (a 24-hex ObjectId is 24). */
export const MAX_ID_BYTES = 256;

const CONTROL = /\p{Cc}/u; // U+0000–U+001F, U+007F–U+009F: includes \n, \r, \t and NUL
const LONE_SURROGATE = /\p{Cs}/u; // with the u flag only unpaired surrogates match
const SEED = /^[0-9a-f]{64}$/;

/** Why `id` cannot be a draw or entry id, or null when it can. */
export function idProblem(id: unknown): string | null {
  if (typeof id !== "string") return "must be a string";
  if (id.length === 0) return "must not be empty";
  if (LONE_SURROGATE.test(id)) return "must be well-formed Unicode (it has an unpaired surrogate)";
  if (CONTROL.test(id)) return "must not contain control characters (newline, tab, NUL, …)";
  if (Buffer.byteLength(id, "utf8") > MAX_ID_BYTES) return `must be at most ${MAX_ID_BYTES} bytes in UTF-8`;
  return null;
}

export function assertEntryId(id: string): void {
  const problem = idProblem(id);
  if (problem) throw new DrawInputError("bad-entry-id", `Entry id ${quoteId(id)} ${problem}`);
}

export function assertDrawId(drawId: string): void {
  const problem = idProblem(drawId);
  if (problem) throw new DrawInputError("bad-draw-id", `Draw id ${quoteId(drawId)} ${problem}`);
}

/** A seed is 32 bytes written as 64 lowercase hex digits (what `newSeed` returns). */
export function isSeed(seed: unknown): seed is string {
  return typeof seed === "string" && SEED.test(seed);
}

export function assertSeed(seed: string): void {
  if (!isSeed(seed)) throw new DrawInputError("bad-seed", "A seed must be 64 lowercase hex digits (32 bytes)");
}

/**
 * An id quoted for messages: a JSON string with everything outside printable ASCII escaped,
 * so that no id can move the cursor, reorder text (bidi controls) or pass for another id.
 */
export function quoteId(id: string): string {
  return JSON.stringify(id).replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** An id as printed in a listing: as is when it is printable ASCII without spaces (ObjectIds and the like), else quoted. */
export function printableId(id: string): string {
  return /^[\x21-\x7e]+$/.test(id) ? id : quoteId(id);
}

/** Compare two strings by the bytes of their UTF-8 encodings. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** `ids` sorted by UTF-8 byte order (encoding each id once, not once per comparison). */
export function sortUtf8(ids: readonly string[]): string[] {
  return ids
    .map((id) => ({ id, bytes: Buffer.from(id, "utf8") }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map((e) => e.id);
}

/**
 * The canonical entry list: every id validated, sorted by UTF-8 byte order, no duplicates
 * (a duplicate is refused, not dropped: it means the caller built the list wrongly).
 */
export function canonicalEntries(entryIds: readonly string[]): string[] {
  for (const id of entryIds) assertEntryId(id);
  const sorted = sortUtf8(entryIds);
  for (let i = 1; i < sorted.length; i += 1) {
    if (sorted[i] === sorted[i - 1]) {
      throw new DrawInputError("duplicate-entry", `Entry id ${quoteId(sorted[i] as string)} is listed more than once`);
    }
  }
  return sorted;
}

/**
 * The bytes the entries commitment hashes: each id of the (already canonical) list followed
 * by "\n", in UTF-8. Ids hold no newline, so the bytes split back into exactly this list;
 * the empty list is the empty string. The same bytes as `printf '%s\n' <ids> | LC_ALL=C sort`.
 */
export function serializeEntries(sortedIds: readonly string[]): Buffer {
  return Buffer.from(sortedIds.map((id) => `${id}\n`).join(""), "utf8");
}

/** The message an entry's MAC and hash are taken over: draw id, NUL, entry id (UTF-8). */
export function entryMessage(drawId: string, entryId: string): Buffer {
  return Buffer.from(`${drawId}\u0000${entryId}`, "utf8");
}

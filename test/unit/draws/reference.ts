/**
 * A second, deliberately plain implementation of the draw rules (node:crypto only, nothing
 * from src/draws), so the tests compare the code against the rules rather than against
 * itself. Where the code compares bytes, this compares code points or hex text, which
 * orders the same way by a different route.
 */
import { createHash, createHmac } from "node:crypto";
import fc from "fast-check";
import { idProblem } from "../../../src/draws/canonical.js";

/** UTF-8 byte order is code point order: compare arrays of code points. */
export function byCodePoints(a: string, b: string): number {
  const x = Array.from(a, (ch) => ch.codePointAt(0) as number);
  const y = Array.from(b, (ch) => ch.codePointAt(0) as number);
  for (let i = 0; i < Math.min(x.length, y.length); i += 1) {
    if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  }
  return x.length - y.length;
}

export function refEntriesCommitment(ids: readonly string[]): string {
  const lines = [...ids].sort(byCodePoints).map((id) => `${id}\n`);
  const hash = createHash("sha256");
  for (const line of lines) hash.update(line, "utf8");
  return hash.digest("hex");
}

export function refSeedCommitment(seedHex: string): string {
  return createHash("sha256").update(Buffer.from(seedHex, "hex")).digest("hex");
}

const message = (drawId: string, entryId: string) => Buffer.concat([Buffer.from(drawId, "utf8"), Buffer.from([0]), Buffer.from(entryId, "utf8")]);

export function refEntryHash(drawId: string, entryId: string): string {
  return createHash("sha256").update(message(drawId, entryId)).digest("hex");
}

/** Entries ordered by the hex text of their HMAC (lowercase hex sorts like the bytes). */
export function refRanking(seedHex: string, drawId: string, ids: readonly string[]): string[] {
  const key = Buffer.from(seedHex, "hex");
  return ids
    .map((id) => ({ id, mac: createHmac("sha256", key).update(message(drawId, id)).digest("hex") }))
    .sort((a, b) => (a.mac < b.mac ? -1 : a.mac > b.mac ? 1 : byCodePoints(a.id, b.id)))
    .map((e) => e.id);
}

export function refWinners(seedHex: string, drawId: string, ids: readonly string[], n: number): string[] {
  return refRanking(seedHex, drawId, ids).slice(0, n);
}

// ---- arbitraries ----

export const hexIdArb = fc.stringMatching(/^[0-9a-f]{24}$/);
/** Any code points (astral ones too), kept when they make a valid id. */
const unicodeIdArb = fc.string({ unit: "binary", minLength: 1, maxLength: 10 }).filter((s) => idProblem(s) === null);
const asciiIdArb = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => idProblem(s) === null);
export const idArb = fc.oneof(hexIdArb, asciiIdArb, unicodeIdArb);
export const entriesArb = fc.uniqueArray(idArb, { maxLength: 30 });
export const seedArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((bytes) => Buffer.from(bytes).toString("hex"));
export const nArb = fc.integer({ min: 1, max: 35 });

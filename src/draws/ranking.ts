import { createHash, createHmac } from "node:crypto";
import { assertDrawId, assertEntryId, assertSeed, canonicalEntries, compareUtf8, DrawInputError, entryMessage } from "./canonical.js";

export interface RankedEntry {
  /** 1 = first winner. */
  rank: number;
  entryId: string;
  /** `entryHash(drawId, entryId)`: what the entrant sees in /mydata. */
  entryHash: string;
  /** HMAC-SHA256(seed bytes, drawId NUL entryId), hex: the sort key. */
  mac: string;
}

/** HMAC-SHA256 (hex) keyed with the seed's 32 bytes over UTF-8 `drawId NUL entryId`. */
export function entryMac(seed: string, drawId: string, entryId: string): string {
  assertSeed(seed);
  assertDrawId(drawId);
  assertEntryId(entryId);
  return createHmac("sha256", Buffer.from(seed, "hex")).update(entryMessage(drawId, entryId)).digest("hex");
}

/**
 * Every entry ranked by its MAC in byte order, lowest first. A MAC is a uniformly random
 * 256-bit number to anyone without the seed, so each ordering is equally likely and there
 * is no modulo bias. Two equal MACs would need an HMAC collision; should it happen, the
 * entry id (UTF-8 byte order) decides. Input order does not matter; duplicates throw.
 */
export function rankEntries(seed: string, drawId: string, entryIds: readonly string[]): RankedEntry[] {
  assertSeed(seed);
  assertDrawId(drawId);
  const key = Buffer.from(seed, "hex");
  return canonicalEntries(entryIds)
    .map((entryId) => {
      const message = entryMessage(drawId, entryId);
      return {
        entryId,
        mac: createHmac("sha256", key).update(message).digest(),
        entryHash: createHash("sha256").update(message).digest("hex"),
      };
    })
    .sort((a, b) => Buffer.compare(a.mac, b.mac) || compareUtf8(a.entryId, b.entryId))
    .map((e, i) => ({ rank: i + 1, entryId: e.entryId, entryHash: e.entryHash, mac: e.mac.toString("hex") }));
}

export function assertWinnerCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new DrawInputError("bad-winner-count", `The number of winners must be a positive integer, got ${n}`);
  }
}

/** The first `n` entries of the ranking, in rank order; everyone wins when `n` ≥ the number of entries. */
export function drawWinners(seed: string, drawId: string, entryIds: readonly string[], n: number): string[] {
  assertWinnerCount(n);
  return rankEntries(seed, drawId, entryIds)
    .slice(0, n)
    .map((e) => e.entryId);
}

import { createHash, randomBytes } from "node:crypto";
import { assertDrawId, assertEntryId, assertSeed, canonicalEntries, entryMessage, serializeEntries } from "./canonical.js";

/** Bytes of randomness in a seed. */
export const SEED_BYTES = 32;

const sha256Hex = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

/** A fresh secret seed: 32 bytes from the system CSPRNG, as 64 lowercase hex digits. */
export function newSeed(): string {
  return randomBytes(SEED_BYTES).toString("hex");
}

/** SHA-256 (hex) of the seed's 32 bytes (not of its hex text): `xxd -r -p <<< $seed | sha256sum`. */
export function seedCommitment(seed: string): string {
  assertSeed(seed);
  return sha256Hex(Buffer.from(seed, "hex"));
}

/**
 * SHA-256 (hex) of the canonical entry list: ids sorted by UTF-8 byte order, one per line,
 * each line ending in "\n". Input order does not matter; a duplicate or an invalid id
 * throws. Offline: `printf '%s\n' <ids> | LC_ALL=C sort | sha256sum`.
 */
export function entriesCommitment(entryIds: readonly string[]): string {
  return sha256Hex(serializeEntries(canonicalEntries(entryIds)));
}

/**
 * What an entrant is shown (/mydata) to find their own entry in a published draw:
 * SHA-256 (hex) of UTF-8 `drawId NUL entryId`.
 *
 * It tells nobody who anyone is. The entry id is an opaque record id (the questionnaire
 * answer's id, never a name, phone or Telegram user id), and the hash is a one-way function
 * of it, so it carries nothing the published entry list does not already carry, and that
 * list carries no personal data. Showing an entrant their own hash reveals only their own
 * entry. Because the draw id is hashed in, the same entry id gives unrelated hashes in
 * different draws. Its input always contains a NUL, which no entries-commitment input
 * does, so an entry hash is never mistaken for a commitment.
 */
export function entryHash(drawId: string, entryId: string): string {
  assertDrawId(drawId);
  assertEntryId(entryId);
  return sha256Hex(entryMessage(drawId, entryId));
}

/** What the bot fixes and shows before drawing. */
export interface DrawCommitment {
  drawId: string;
  seedCommitment: string;
  entriesCommitment: string;
  entryCount: number;
}

/** The commitment to publish before the draw, for a secret seed and the frozen entry list. */
export function drawCommitment(seed: string, drawId: string, entryIds: readonly string[]): DrawCommitment {
  assertDrawId(drawId);
  const entries = canonicalEntries(entryIds);
  return {
    drawId,
    seedCommitment: seedCommitment(seed),
    entriesCommitment: sha256Hex(serializeEntries(entries)),
    entryCount: entries.length,
  };
}

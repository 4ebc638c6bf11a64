import { describe, expect, it } from "vitest";
import {
  buildProof,
  drawWinners,
  entriesCommitment,
  entryHash,
  entryMac,
  rankEntries,
  seedCommitment,
  verifyProof,
} from "../../../src/draws/index.js";
import { refEntriesCommitment, refEntryHash, refRanking, refSeedCommitment } from "./reference.js";

/**
 * Fixed vectors. The literal hashes were produced outside Node with coreutils and OpenSSL
 * (the commands are beside each one), and each is also recomputed here with node:crypto
 * by the reference implementation, so the vectors pin the rules, not this code's output.
 */
const SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const DRAW_ID = "665f1d009b3e4d0012a7d001";
const ENTRIES = [
  "665f1c2a9b3e4d0012a7c005",
  "665f1c2a9b3e4d0012a7c001",
  "665f1c2a9b3e4d0012a7c003",
  "665f1c2a9b3e4d0012a7c002",
  "665f1c2a9b3e4d0012a7c004",
];

describe("draw test vectors", () => {
  it("seed commitment: SHA-256 of the seed's 32 bytes", () => {
    // xxd -r -p <<< $SEED | sha256sum
    const expected = "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd";
    expect(refSeedCommitment(SEED)).toBe(expected);
    expect(seedCommitment(SEED)).toBe(expected);
  });

  it("entries commitment: SHA-256 of the ids sorted by bytes, one per line", () => {
    // printf '%s\n' <ids> | LC_ALL=C sort | sha256sum
    const expected = "8793c862a779eca6ae4f5f748a63c02621f3d52997655fdf04d263e85251e7bb";
    expect(refEntriesCommitment(ENTRIES)).toBe(expected);
    expect(entriesCommitment(ENTRIES)).toBe(expected);
  });

  it("the empty entry list commits to SHA-256 of no bytes", () => {
    expect(entriesCommitment([])).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("ranking: entries by HMAC-SHA256(seed bytes, drawId NUL entryId), lowest first", () => {
    // for id in …; do printf '%s\0%s' $DRAW_ID $id | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED -r; done | sort
    const macs: Record<string, string> = {
      "665f1c2a9b3e4d0012a7c004": "1068a15f7072c81dcda11768c2e58e9d90d7fc796d67e3ce2600b5d96a1b9d0a",
      "665f1c2a9b3e4d0012a7c005": "3bfe3c84752234554377e53843840a3200b2d57611c4d51fc18269e658d0a44b",
      "665f1c2a9b3e4d0012a7c003": "7a03108f6c7534da0cb81d05dfd1aeed9c58d5d6150794c02ffb041ee3d44871",
      "665f1c2a9b3e4d0012a7c001": "84701e71d34e862750587998c51f80b6fea19db9ade2d056a8bda4f8eb7ceaa0",
      "665f1c2a9b3e4d0012a7c002": "a0c642a74aa3ad7d734fcf9334efae943c713588339433d656db31d886349690",
    };
    const order = Object.keys(macs);
    expect(refRanking(SEED, DRAW_ID, ENTRIES)).toEqual(order);

    const ranking = rankEntries(SEED, DRAW_ID, ENTRIES);
    expect(ranking.map((e) => e.entryId)).toEqual(order);
    expect(ranking.map((e) => e.rank)).toEqual([1, 2, 3, 4, 5]);
    for (const e of ranking) {
      expect(e.mac).toBe(macs[e.entryId]);
      expect(entryMac(SEED, DRAW_ID, e.entryId)).toBe(macs[e.entryId]);
    }
    expect(drawWinners(SEED, DRAW_ID, ENTRIES, 2)).toEqual(["665f1c2a9b3e4d0012a7c004", "665f1c2a9b3e4d0012a7c005"]);
    expect(drawWinners(SEED, DRAW_ID, ENTRIES, 99)).toEqual(order);
  });

  it("entry hash: SHA-256 of drawId NUL entryId", () => {
    // printf '%s\0%s' $DRAW_ID 665f1c2a9b3e4d0012a7c004 | sha256sum
    const expected = "efaecb627c6677f0e3a8806b5f3c5cb2d9abb3c8322a9e2fca7352ea4f49e09b";
    expect(refEntryHash(DRAW_ID, "665f1c2a9b3e4d0012a7c004")).toBe(expected);
    expect(entryHash(DRAW_ID, "665f1c2a9b3e4d0012a7c004")).toBe(expected);
    expect(rankEntries(SEED, DRAW_ID, ENTRIES)[0]?.entryHash).toBe(expected);
  });

  it("non-ASCII ids: UTF-8 byte order (not JavaScript's UTF-16 order) and UTF-8 in every hash", () => {
    const ids = ["b", "a", "z", "é", "中", "Ａ", "😀"];
    // printf '%s\n' b a z é 中 Ａ 😀 | LC_ALL=C sort | sha256sum
    expect(entriesCommitment(ids)).toBe("7c25a13021f554948caad14a3830c5aebd9bba94ac35a79a2947bb600dcfe4a9");
    // JavaScript's sort puts 😀 (surrogates D83D DE00) before Ａ (FF21); UTF-8 puts EF BC A1 before F0 9F 98 80.
    expect([...ids].sort()).toEqual(["a", "b", "z", "é", "中", "😀", "Ａ"]);
    const proof = buildProof({
      drawId: "draw-ü",
      title: "t",
      period: { from: "2026-01-01", to: "2026-01-31" },
      createdAt: new Date("2026-02-01T00:00:00Z"),
      seed: SEED,
      entryIds: ids,
      n: 3,
    });
    expect(proof.entries).toEqual(["a", "b", "z", "é", "中", "Ａ", "😀"]);
    // for id in …; do printf 'draw-ü\0%s' "$id" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$SEED -r; done | sort
    const order = ["z", "a", "中", "😀", "b", "é", "Ａ"];
    expect(refRanking(SEED, "draw-ü", ids)).toEqual(order);
    expect(rankEntries(SEED, "draw-ü", ids).map((e) => e.entryId)).toEqual(order);
    expect(proof.winners).toEqual(["z", "a", "中"]);
    expect(verifyProof(JSON.parse(JSON.stringify(proof))).ok).toBe(true);
  });
});

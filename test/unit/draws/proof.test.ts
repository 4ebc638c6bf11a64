import { describe, expect, it } from "vitest";
import {
  DrawInputError,
  buildProof,
  drawCommitment,
  entryHash,
  formatVerification,
  printableId,
  quoteId,
  rankEntries,
  serializeProof,
  verifyProof,
  type BuildProofInput,
} from "../../../src/draws/index.js";

const SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
const DRAW_ID = "665f1d009b3e4d0012a7d001";
const ENTRIES = Array.from({ length: 5 }, (_, i) => `665f1c2a9b3e4d0012a7c00${i + 1}`);
const INPUT: BuildProofInput = {
  drawId: DRAW_ID,
  title: "Spring prize draw",
  period: { from: "2026-04-01", to: "2026-04-30" },
  createdAt: new Date("2026-05-01T09:00:00Z"),
  seed: SEED,
  entryIds: ENTRIES,
  n: 2,
};

const fileOf = (changes: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...(JSON.parse(serializeProof(buildProof(INPUT))) as Record<string, unknown>),
  ...changes,
});

describe("draw proof", () => {
  it("has a fixed, versioned layout with the long entry list last", () => {
    const proof = buildProof(INPUT);
    expect(Object.keys(proof)).toEqual([
      "format",
      "version",
      "drawId",
      "title",
      "period",
      "createdAt",
      "n",
      "seedCommitment",
      "entriesCommitment",
      "winners",
      "seed",
      "entries",
    ]);
    expect(proof).toMatchObject({
      format: "baton-draw-proof",
      version: 1,
      createdAt: "2026-05-01T09:00:00.000Z",
      seedCommitment: "630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd",
      entriesCommitment: "8793c862a779eca6ae4f5f748a63c02621f3d52997655fdf04d263e85251e7bb",
      winners: ["665f1c2a9b3e4d0012a7c004", "665f1c2a9b3e4d0012a7c005"],
      entries: ENTRIES,
    });
    expect(serializeProof(proof).endsWith("}\n")).toBe(true);
  });

  it("refuses to build a proof that does not match the commitment shown before the draw", () => {
    const shown = drawCommitment(SEED, DRAW_ID, ENTRIES);
    expect(buildProof({ ...INPUT, published: shown }).seedCommitment).toBe(shown.seedCommitment);
    const lateEntry = () => buildProof({ ...INPUT, entryIds: [...ENTRIES, "665f1c2a9b3e4d0012a7c999"], published: shown });
    expect(lateEntry).toThrow(DrawInputError);
    expect(lateEntry).toThrow(/not the one the published commitment was made for/);
    expect(() => buildProof({ ...INPUT, seed: "ff".repeat(32), published: shown })).toThrow(DrawInputError);
  });

  it("refuses to build a proof with bad fields", () => {
    expect(() => buildProof({ ...INPUT, title: "" })).toThrow(DrawInputError);
    expect(() => buildProof({ ...INPUT, title: "a\nb" })).toThrow(/title/);
    expect(() => buildProof({ ...INPUT, period: { from: "2026-05-01", to: "2026-04-01" } })).toThrow(/period/);
    expect(() => buildProof({ ...INPUT, period: { from: "1.4.2026", to: "2026-04-30" } })).toThrow(DrawInputError);
    expect(() => buildProof({ ...INPUT, createdAt: new Date("nope") })).toThrow(/createdAt/);
    expect(() => buildProof({ ...INPUT, n: 0 })).toThrow(DrawInputError);
  });

  it("verifies a proof given as text or as parsed JSON, each check reported", () => {
    const text = serializeProof(buildProof(INPUT));
    for (const input of [text, JSON.parse(text) as unknown]) {
      const result = verifyProof(input);
      expect(result).toMatchObject({ ok: true, recognized: true });
      expect(result.checks.map((c) => [c.id, c.ok])).toEqual([
        ["format", true],
        ["seed-commitment", true],
        ["entries-commitment", true],
        ["entries-order", true],
        ["winners", true],
      ]);
      expect(result.ranking.map((e) => e.entryId)).toEqual(rankEntries(SEED, DRAW_ID, ENTRIES).map((e) => e.entryId));
    }
  });

  it("does not recognize what is not a version 1 Baton draw proof", () => {
    const cases: Array<[unknown, RegExp]> = [
      ["{ nope", /not JSON/],
      ["[1, 2]", /expected a JSON object/],
      [null, /expected a JSON object/],
      [{ hello: 1 }, /"format" is missing/],
      [fileOf({ format: "other" }), /"format" is "other"/],
      [fileOf({ version: 2 }), /version 2 is not one this verifier reads/],
      [fileOf({ version: "1" }), /version "1"/],
    ];
    for (const [input, message] of cases) {
      const result = verifyProof(input);
      expect(result).toMatchObject({ ok: false, recognized: false, proof: null, ranking: [] });
      expect(result.checks).toHaveLength(1);
      expect(result.checks[0]?.message).toMatch(message);
    }
  });

  it("reports a malformed version 1 proof field by field", () => {
    const { seed: _seed, ...withoutSeed } = fileOf();
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [withoutSeed, /^seed: /],
      [fileOf({ seed: SEED.toUpperCase() }), /^seed: must be 64 lowercase hex digits/],
      [fileOf({ seedCommitment: "abc" }), /^seedCommitment: /],
      [fileOf({ extra: true }), /Unrecognized key/],
      [fileOf({ n: 0 }), /^n: /],
      [fileOf({ n: 1.5 }), /^n: /],
      [fileOf({ entries: ["a", "b\nc"] }), /^entries\.1: entry id "b\\nc" must not contain control characters/],
      [fileOf({ winners: [""] }), /^winners\.0: winner "" must not be empty/],
      [fileOf({ drawId: "a\u0000b" }), /^drawId: /],
      [fileOf({ period: { from: "2026-05-01", to: "2026-04-01" } }), /^period: period.from must not be after period.to/],
      [fileOf({ createdAt: "yesterday" }), /^createdAt: /],
    ];
    for (const [input, detail] of cases) {
      const result = verifyProof(input);
      expect(result).toMatchObject({ ok: false, recognized: true, proof: null });
      expect(result.checks[0]).toMatchObject({ id: "format", ok: false });
      expect(result.checks[0]?.details.some((d) => detail.test(d)), `${JSON.stringify(result.checks[0]?.details)} ~ ${detail}`).toBe(true);
    }
  });

  it("says what differs when a check fails", () => {
    const wrongSeed = verifyProof(fileOf({ seed: "ff".repeat(32) }));
    const seedCheck = wrongSeed.checks.find((c) => c.id === "seed-commitment");
    expect(seedCheck?.ok).toBe(false);
    expect(seedCheck?.details).toEqual([
      expect.stringMatching(/^SHA-256 of the revealed seed: [0-9a-f]{64}$/),
      "seed commitment in the file: 630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd",
    ]);

    const swapped = verifyProof(fileOf({ winners: ["665f1c2a9b3e4d0012a7c005", "665f1c2a9b3e4d0012a7c004"] }));
    expect(swapped.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(["winners"]);
    expect(swapped.checks.find((c) => c.id === "winners")?.details).toEqual([
      '#1: the draw gives "665f1c2a9b3e4d0012a7c004", the file says "665f1c2a9b3e4d0012a7c005"',
      '#2: the draw gives "665f1c2a9b3e4d0012a7c005", the file says "665f1c2a9b3e4d0012a7c004"',
    ]);

    const short = verifyProof(fileOf({ winners: ["665f1c2a9b3e4d0012a7c004"] }));
    expect(short.checks.find((c) => c.id === "winners")?.details).toEqual([
      "the file lists 1 winner; drawing 2 from 5 entries gives 2",
      '#2: the draw gives "665f1c2a9b3e4d0012a7c005", the file says none',
    ]);

    const unsorted = verifyProof(fileOf({ entries: [...ENTRIES].reverse() }));
    expect(unsorted.checks.filter((c) => !c.ok).map((c) => c.id)).toEqual(["entries-order"]);
    expect(unsorted.checks.find((c) => c.id === "entries-order")?.details[0]).toBe(
      'entries[1] "665f1c2a9b3e4d0012a7c004" comes before "665f1c2a9b3e4d0012a7c005" in byte order',
    );
  });

  it("lists at most ten differences per check", () => {
    const many = Array.from({ length: 30 }, (_, i) => `e${String(i).padStart(2, "0")}`);
    const proof = buildProof({ ...INPUT, entryIds: many, n: 30 });
    const result = verifyProof({ ...proof, winners: [...proof.winners].reverse() });
    const details = result.checks.find((c) => c.id === "winners")?.details ?? [];
    expect(details).toHaveLength(11);
    expect(details[10]).toMatch(/^… and \d+ more$/);
  });

  it("finds an entrant's entry by its hash or a prefix of it", () => {
    const mine = entryHash(DRAW_ID, "665f1c2a9b3e4d0012a7c004");
    const winner = verifyProof(fileOf(), { entryHash: mine });
    expect(winner.ok).toBe(true);
    expect(winner.checks.at(-1)).toMatchObject({ id: "entry-included", ok: true, message: `entry ${mine} took part: rank 1 of 5, a winner` });

    const other = entryHash(DRAW_ID, "665f1c2a9b3e4d0012a7c002");
    const byPrefix = verifyProof(fileOf(), { entryHash: other.slice(0, 12).toUpperCase() });
    expect(byPrefix.checks.at(-1)?.message).toBe(`entry ${other} took part: rank 5 of 5, not a winner`);

    const absent = verifyProof(fileOf(), { entryHash: entryHash("another-draw", "665f1c2a9b3e4d0012a7c004") });
    expect(absent.ok).toBe(false);
    expect(absent.checks.at(-1)).toMatchObject({ id: "entry-included", ok: false });
    expect(verifyProof(fileOf(), { entryHash: "abc" }).checks.at(-1)?.ok).toBe(false);
  });

  it("prints the checks, the reproduced top n with entry hashes and the verdict", () => {
    const ok = formatVerification(verifyProof(fileOf()), "proof.json");
    expect(ok).toContain("Seed commitment:    630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
    expect(ok).toContain("[ok]   winners: the 2 winners reproduce from the revealed seed");
    expect(ok).toContain("Ranking reproduced from the revealed seed (top 2 of 5):");
    expect(ok).toContain("  #1  efaecb627c6677f0e3a8806b5f3c5cb2d9abb3c8322a9e2fca7352ea4f49e09b  665f1c2a9b3e4d0012a7c004");
    expect(ok.trimEnd().split("\n").at(-1)).toMatch(/^VALID/);

    const bad = formatVerification(verifyProof(fileOf({ seed: "ff".repeat(32) })), "proof.json");
    expect(bad).toContain("[FAIL] seed-commitment: the revealed seed does not match the seed commitment");
    expect(bad.trimEnd().split("\n").at(-1)).toBe("INVALID: failed checks: seed-commitment, winners");
  });

  it("prints ids that are not plain ASCII escaped, so none can disguise itself on screen", () => {
    expect(printableId("665f1c2a9b3e4d0012a7c004")).toBe("665f1c2a9b3e4d0012a7c004");
    expect(printableId("a b")).toBe('"a b"');
    expect(printableId("ab\u202Edc")).toBe('"ab\\u202edc"');
    expect(printableId("😀")).toBe('"\\ud83d\\ude00"');
    expect(quoteId("665f")).toBe('"665f"');
    expect(JSON.parse(quoteId("ab\u202Edc😀"))).toBe("ab\u202Edc😀");
  });
});

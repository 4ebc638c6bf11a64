import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  DrawInputError,
  canonicalEntries,
  drawCommitment,
  drawWinners,
  entriesCommitment,
  entryHash,
  idProblem,
  newSeed,
  rankEntries,
  seedCommitment,
  serializeEntries,
} from "../../../src/draws/index.js";

const SEED = "11".repeat(32);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof DrawInputError) return err.code;
    throw err;
  }
  throw new Error("expected a DrawInputError");
}

describe("draw inputs", () => {
  it("a new seed is 32 random bytes in lowercase hex", () => {
    const seeds = new Set(Array.from({ length: 50 }, () => newSeed()));
    expect(seeds.size).toBe(50);
    for (const seed of seeds) expect(seed).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the seed commitment hashes the seed's bytes, not its hex text", () => {
    expect(seedCommitment(SEED)).toBe(createHash("sha256").update(Buffer.alloc(32, 0x11)).digest("hex"));
    expect(seedCommitment(SEED)).not.toBe(createHash("sha256").update(SEED).digest("hex"));
  });

  it("refuses seeds that are not 64 lowercase hex digits", () => {
    for (const bad of ["", "11".repeat(31), "11".repeat(33), "AA".repeat(32), `${"1".repeat(63)}g`, ` ${"1".repeat(63)}`]) {
      expect(codeOf(() => seedCommitment(bad))).toBe("bad-seed");
      expect(codeOf(() => rankEntries(bad, "d", ["a"]))).toBe("bad-seed");
    }
  });

  it("accepts opaque ids: ObjectIds, text in any script, emoji, spaces", () => {
    for (const id of ["665f1c2a9b3e4d0012a7c001", "a", "Анна 1", "नमस्ते", "😀", "x".repeat(256)]) expect(idProblem(id)).toBeNull();
  });

  it("refuses ids that would make the hashed bytes ambiguous", () => {
    expect(idProblem("")).toMatch(/empty/);
    expect(idProblem("a\nb")).toMatch(/control/);
    expect(idProblem("a\r")).toMatch(/control/);
    expect(idProblem("a\u0000b")).toMatch(/control/);
    expect(idProblem("\u0085")).toMatch(/control/);
    expect(idProblem("a\uD800")).toMatch(/surrogate/);
    expect(idProblem("\uDE00a")).toMatch(/surrogate/);
    expect(idProblem("é".repeat(129))).toMatch(/256 bytes/);
    expect(idProblem(42)).toMatch(/string/);
    expect(codeOf(() => entriesCommitment(["ok", "a\nb"]))).toBe("bad-entry-id");
    expect(codeOf(() => entryHash("d\u0000", "a"))).toBe("bad-draw-id");
    expect(codeOf(() => rankEntries(SEED, "", ["a"]))).toBe("bad-draw-id");
  });

  it("a lone surrogate would otherwise collide with U+FFFD in UTF-8", () => {
    expect(Buffer.from("\uD800", "utf8").equals(Buffer.from("\uFFFD", "utf8"))).toBe(true);
    expect(idProblem("\uFFFD")).toBeNull();
    expect(idProblem("\uD800")).not.toBeNull();
  });

  it("refuses duplicate entries instead of dropping them", () => {
    expect(codeOf(() => canonicalEntries(["b", "a", "b"]))).toBe("duplicate-entry");
    expect(codeOf(() => entriesCommitment(["a", "a"]))).toBe("duplicate-entry");
    expect(codeOf(() => drawWinners(SEED, "d", ["a", "a"], 1))).toBe("duplicate-entry");
  });

  it("one id per line: the serialization of the canonical list", () => {
    expect(serializeEntries(canonicalEntries(["b", "a", "ab"])).toString("utf8")).toBe("a\nab\nb\n");
    expect(serializeEntries([]).length).toBe(0);
    // With "\n" after every id, ["a", "b"] and ["a\nb"] could only collide if ids held newlines, which they cannot.
    expect(serializeEntries(["ab"]).equals(serializeEntries(["a", "b"]))).toBe(false);
  });

  it("the number of winners is a positive integer; more winners than entries means everyone wins", () => {
    for (const n of [0, -1, 1.5, Number.NaN, Infinity]) expect(codeOf(() => drawWinners(SEED, "d", ["a"], n))).toBe("bad-winner-count");
    expect(drawWinners(SEED, "d", ["a", "b"], 5).sort()).toEqual(["a", "b"]);
    expect(drawWinners(SEED, "d", [], 3)).toEqual([]);
  });

  it("the commitment to show before the draw", () => {
    expect(drawCommitment(SEED, "d", ["b", "a"])).toEqual({
      drawId: "d",
      seedCommitment: seedCommitment(SEED),
      entriesCommitment: entriesCommitment(["a", "b"]),
      entryCount: 2,
    });
  });

  it("the draw id separates draws: the same entries rank independently in another draw", () => {
    const ids = Array.from({ length: 20 }, (_, i) => `entry-${i}`);
    expect(rankEntries(SEED, "draw-1", ids).map((e) => e.entryId)).not.toEqual(rankEntries(SEED, "draw-2", ids).map((e) => e.entryId));
    expect(entryHash("draw-1", "entry-0")).not.toBe(entryHash("draw-2", "entry-0"));
    // "d" + "1a" and "d1" + "a" are different messages thanks to the NUL between them.
    expect(entryHash("d", "1a")).not.toBe(entryHash("d1", "a"));
  });

  it("every entry is equally likely to win (3 entries, 6000 fixed seeds)", () => {
    const wins = new Map<string, number>([["a", 0], ["b", 0], ["c", 0]]);
    for (let i = 0; i < 6000; i += 1) {
      const seed = createHash("sha256").update(`seed ${i}`).digest("hex");
      const [winner] = drawWinners(seed, "uniformity", ["a", "b", "c"], 1);
      wins.set(winner as string, (wins.get(winner as string) ?? 0) + 1);
    }
    // Expected 2000 each, standard deviation ≈ 36.5: ±200 is more than 5 sigma.
    for (const count of wins.values()) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });
});

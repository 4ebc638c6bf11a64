import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildProof,
  canonicalEntries,
  drawWinners,
  entriesCommitment,
  rankEntries,
  seedCommitment,
  serializeEntries,
  serializeProof,
  verifyProof,
  type DrawProof,
  type ProofCheckId,
} from "../../../src/draws/index.js";
import { byCodePoints, entriesArb, idArb, nArb, refEntriesCommitment, refEntryHash, refWinners, seedArb } from "./reference.js";

const RUNS = { numRuns: 300 };

const proofOf = (seed: string, drawId: string, entryIds: readonly string[], n: number): DrawProof =>
  buildProof({
    drawId,
    title: "Spring prize draw",
    period: { from: "2026-04-01", to: "2026-04-30" },
    createdAt: new Date("2026-05-01T09:00:00Z"),
    seed,
    entryIds,
    n,
  });

/** What a reader of the published file gets: the JSON text parsed back. */
const published = (proof: DrawProof): Record<string, unknown> => JSON.parse(serializeProof(proof)) as Record<string, unknown>;

const failedChecks = (json: unknown): ProofCheckId[] =>
  verifyProof(json)
    .checks.filter((c) => !c.ok)
    .map((c) => c.id);

describe("draws (properties)", () => {
  it("the verifier reproduces the winners for any seed, entries and n", () => {
    fc.assert(
      fc.property(seedArb, idArb, entriesArb, nArb, (seed, drawId, entries, n) => {
        const proof = proofOf(seed, drawId, entries, n);
        const result = verifyProof(serializeProof(proof));
        expect(result.checks.filter((c) => !c.ok)).toEqual([]);
        expect(result.ok).toBe(true);
        expect(proof.winners).toEqual(refWinners(seed, drawId, entries, n));
        expect(result.ranking.slice(0, n).map((e) => e.entryId)).toEqual(proof.winners);
        expect(proof.winners.length).toBe(Math.min(n, entries.length));
        expect(new Set(proof.winners).size).toBe(proof.winners.length);
        for (const w of proof.winners) expect(entries).toContain(w);
        for (const e of result.ranking) expect(e.entryHash).toBe(refEntryHash(drawId, e.entryId));
      }),
      RUNS,
    );
  });

  it("the commitments are the SHA-256 the rules define", () => {
    fc.assert(
      fc.property(seedArb, entriesArb, (seed, entries) => {
        expect(entriesCommitment(entries)).toBe(refEntriesCommitment(entries));
        expect(proofOf(seed, "d", entries, 1).entries).toEqual([...entries].sort(byCodePoints));
      }),
      RUNS,
    );
  });

  it("any change to the seed changes the seed commitment", () => {
    const oneDigitChanged = fc
      .tuple(seedArb, fc.nat({ max: 63 }), fc.integer({ min: 1, max: 15 }))
      .map(([seed, at, delta]) => {
        const digit = ((parseInt(seed[at] as string, 16) + delta) % 16).toString(16);
        return [seed, `${seed.slice(0, at)}${digit}${seed.slice(at + 1)}`] as const;
      });
    const anyOther = fc.tuple(seedArb, seedArb).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(fc.oneof(oneDigitChanged, anyOther), ([seed, other]) => {
        expect(other).not.toBe(seed);
        expect(seedCommitment(other)).not.toBe(seedCommitment(seed));
      }),
      RUNS,
    );
  });

  it("the serialized entry list reads back as exactly that list (no two lists share bytes)", () => {
    fc.assert(
      fc.property(entriesArb, (entries) => {
        const canonical = canonicalEntries(entries);
        const text = serializeEntries(canonical).toString("utf8");
        const lines = text === "" ? [] : text.slice(0, -1).split("\n");
        expect(lines).toEqual(canonical);
      }),
      RUNS,
    );
  });

  it("any change to the entry list (add, remove, change one id) changes the entries commitment", () => {
    const change = fc.oneof(
      fc.record({ kind: fc.constant("add" as const), id: idArb }),
      fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
      fc.record({ kind: fc.constant("change" as const), at: fc.nat(), id: idArb }),
    );
    fc.assert(
      fc.property(entriesArb, change, (entries, op) => {
        let changed: string[];
        if (op.kind === "add") {
          fc.pre(!entries.includes(op.id));
          changed = [...entries, op.id];
        } else if (op.kind === "remove") {
          fc.pre(entries.length > 0);
          changed = entries.filter((_, i) => i !== op.at % entries.length);
        } else {
          fc.pre(entries.length > 0 && !entries.includes(op.id));
          changed = entries.map((e, i) => (i === op.at % entries.length ? op.id : e));
        }
        expect(entriesCommitment(changed)).not.toBe(entriesCommitment(entries));
      }),
      RUNS,
    );
  });

  it("the order of the input entries does not matter", () => {
    const withShuffle = entriesArb.chain((entries) =>
      fc.tuple(fc.constant(entries), fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length })),
    );
    fc.assert(
      fc.property(seedArb, idArb, withShuffle, nArb, (seed, drawId, [entries, shuffled], n) => {
        expect(entriesCommitment(shuffled)).toBe(entriesCommitment(entries));
        expect(rankEntries(seed, drawId, shuffled)).toEqual(rankEntries(seed, drawId, entries));
        expect(drawWinners(seed, drawId, shuffled, n)).toEqual(drawWinners(seed, drawId, entries, n));
        expect(proofOf(seed, drawId, shuffled, n)).toEqual(proofOf(seed, drawId, entries, n));
      }),
      RUNS,
    );
  });

  describe("a tampered proof is detected", () => {
    const drawArb = fc.record({ seed: seedArb, drawId: idArb, entries: entriesArb, n: nArb });
    type Draw = { seed: string; drawId: string; entries: string[]; n: number };
    const sorted = (ids: string[]) => [...ids].sort(byCodePoints);
    /** `id`, or `id` with "+" appended until it is not in `ids`. */
    const fresh = (id: string, ids: readonly string[]): string => (ids.includes(id) ? fresh(`${id}+`, ids) : id);

    /** Each tampering and the check that must then fail. */
    const tamperings: Array<{
      name: string;
      check: ProofCheckId;
      applies: (d: Draw, p: DrawProof) => boolean;
      apply: (json: Record<string, unknown>, p: DrawProof, r: { seed: string; id: string; at: number; at2: number }) => void;
    }> = [
      { name: "another seed", check: "seed-commitment", applies: () => true, apply: (j, _p, r) => void (j.seed = r.seed) },
      { name: "another seed commitment", check: "seed-commitment", applies: () => true, apply: (j, _p, r) => void (j.seedCommitment = seedCommitment(r.seed)) },
      { name: "another entries commitment", check: "entries-commitment", applies: () => true, apply: (j, _p, r) => void (j.entriesCommitment = seedCommitment(r.seed)) },
      {
        name: "an entry added",
        check: "entries-commitment",
        applies: () => true,
        apply: (j, p, r) => void (j.entries = sorted([...p.entries, fresh(r.id, p.entries)])),
      },
      {
        name: "an entry removed",
        check: "entries-commitment",
        applies: (_d, p) => p.entries.length > 0,
        apply: (j, p, r) => void (j.entries = p.entries.filter((_, i) => i !== r.at % p.entries.length)),
      },
      {
        name: "an entry changed",
        check: "entries-commitment",
        applies: (_d, p) => p.entries.length > 0,
        apply: (j, p, r) => {
          const id = fresh(r.id, p.entries);
          j.entries = sorted(p.entries.map((e, i) => (i === r.at % p.entries.length ? id : e)));
        },
      },
      {
        name: "an entry listed twice",
        check: "entries-order",
        applies: (_d, p) => p.entries.length > 0,
        apply: (j, p, r) => {
          const i = r.at % p.entries.length;
          j.entries = [...p.entries.slice(0, i + 1), ...p.entries.slice(i)];
        },
      },
      {
        name: "two entries swapped",
        check: "entries-order",
        applies: (_d, p) => p.entries.length > 1,
        apply: (j, p, r) => {
          const i = r.at % (p.entries.length - 1);
          const e = [...p.entries];
          [e[i], e[i + 1]] = [e[i + 1] as string, e[i] as string];
          j.entries = e;
        },
      },
      {
        name: "a winner replaced by a loser",
        check: "winners",
        applies: (_d, p) => p.winners.length > 0 && p.winners.length < p.entries.length,
        apply: (j, p, r) => {
          const losers = p.entries.filter((e) => !p.winners.includes(e));
          const w = [...p.winners];
          w[r.at % w.length] = losers[r.at2 % losers.length] as string;
          j.winners = w;
        },
      },
      {
        name: "a winner replaced by an outsider",
        check: "winners",
        applies: (_d, p) => p.winners.length > 0,
        apply: (j, p, r) => {
          const id = fresh(r.id, p.entries);
          j.winners = p.winners.map((w, i) => (i === r.at % p.winners.length ? id : w));
        },
      },
      {
        name: "two winners swapped",
        check: "winners",
        applies: (_d, p) => p.winners.length > 1,
        apply: (j, p, r) => {
          const i = r.at % (p.winners.length - 1);
          const w = [...p.winners];
          [w[i], w[i + 1]] = [w[i + 1] as string, w[i] as string];
          j.winners = w;
        },
      },
      { name: "a winner dropped", check: "winners", applies: (_d, p) => p.winners.length > 0, apply: (j, p) => void (j.winners = p.winners.slice(0, -1)) },
      {
        name: "a winner added",
        check: "winners",
        applies: () => true,
        apply: (j, p, r) => {
          const extra = p.entries.find((e) => !p.winners.includes(e)) ?? fresh(r.id, p.entries);
          j.winners = [...p.winners, extra];
        },
      },
    ];

    for (const t of tamperings) {
      it(t.name, () => {
        const aux = fc.record({ seed: seedArb, id: idArb, at: fc.nat(), at2: fc.nat() });
        fc.assert(
          fc.property(drawArb, aux, (draw, r) => {
            const proof = proofOf(draw.seed, draw.drawId, draw.entries, draw.n);
            fc.pre(t.applies(draw, proof) && r.seed !== draw.seed);
            const json = published(proof);
            t.apply(json, proof, r);
            expect(JSON.stringify(json)).not.toBe(JSON.stringify(published(proof)));
            const result = verifyProof(json);
            expect(result.recognized).toBe(true);
            expect(result.ok).toBe(false);
            expect(failedChecks(json)).toContain(t.check);
          }),
          { numRuns: 150 },
        );
      });
    }

    it("another draw id or n is caught exactly when it changes the outcome", () => {
      fc.assert(
        fc.property(drawArb, idArb, nArb, fc.boolean(), (draw, otherId, otherN, changeId) => {
          const proof = proofOf(draw.seed, draw.drawId, draw.entries, draw.n);
          const json = published(proof);
          if (changeId) json.drawId = otherId;
          else json.n = otherN;
          const same = changeId
            ? drawWinners(draw.seed, otherId, draw.entries, draw.n).join("\n") === proof.winners.join("\n")
            : Math.min(otherN, draw.entries.length) === proof.winners.length;
          expect(verifyProof(json).ok).toBe(same);
          if (!same) expect(failedChecks(json)).toEqual(["winners"]);
        }),
        RUNS,
      );
    });

    it("title, period and createdAt are informational: the verifier accepts any well-formed value", () => {
      const proof = proofOf("ab".repeat(32), "d", ["a", "b", "c"], 1);
      const json = { ...published(proof), title: "Another title", period: { from: "2020-01-01", to: "2020-01-02" }, createdAt: "2020-01-03T00:00:00Z" };
      expect(verifyProof(json).ok).toBe(true);
    });
  });
});

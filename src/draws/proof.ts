import { createHash } from "node:crypto";
import { z } from "zod";
import { DrawInputError, compareUtf8, idProblem, quoteId, serializeEntries, sortUtf8 } from "./canonical.js";
import { drawCommitment, seedCommitment, type DrawCommitment } from "./commitment.js";
import { assertWinnerCount, drawWinners, rankEntries, type RankedEntry } from "./ranking.js";

/**
 * The proof file published after a draw: everything needed to check it offline.
 * Version 1 is frozen: any change to the fields or their meaning is a new version.
 */
export const PROOF_FORMAT = "baton-draw-proof";
export const PROOF_VERSION = 1;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, "must be 64 lowercase hex digits");

const idString = (what: string) =>
  z.string().superRefine((value, ctx) => {
    const problem = idProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `${what} ${quoteId(value)} ${problem}` });
  });

export const drawProofSchema = z.strictObject({
  format: z.literal(PROOF_FORMAT),
  version: z.literal(PROOF_VERSION),
  /** Hashed into every entry's MAC and hash. */
  drawId: idString("draw id"),
  /** Public wording, e.g. "Spring prize draw"; informational, covered by no hash. */
  title: z
    .string()
    .min(1)
    .max(200)
    .regex(/^\P{Cc}*$/u, "must not contain control characters"),
  /** Questionnaires answered from `from` to `to` inclusive (the team's local dates); informational. */
  period: z
    .strictObject({ from: z.iso.date(), to: z.iso.date() })
    .refine((p) => p.from <= p.to, { message: "period.from must not be after period.to" }),
  /** When the commitment was fixed and shown (UTC, ISO 8601); informational. */
  createdAt: z.iso.datetime(),
  /** Number of winners drawn (everyone wins when there are no more entries than that). */
  n: z.int().min(1),
  /** SHA-256 of the seed's 32 bytes, published before the draw. */
  seedCommitment: hex64,
  /** SHA-256 of the entry list (sorted, one id per line), published before the draw. */
  entriesCommitment: hex64,
  /** Winning entry ids, first rank first. */
  winners: z.array(idString("winner")),
  /** The secret seed, revealed after the draw. */
  seed: hex64,
  /** Every entry id, sorted by UTF-8 byte order, no duplicates. */
  entries: z.array(idString("entry id")),
});

export type DrawProof = z.infer<typeof drawProofSchema>;

export interface BuildProofInput {
  drawId: string;
  title: string;
  period: { from: string; to: string };
  /** When the commitment was fixed and shown. */
  createdAt: Date;
  seed: string;
  /** The frozen entry list, in any order. */
  entryIds: readonly string[];
  n: number;
  /** The commitment shown before the draw: building refuses a proof that would not match it. */
  published?: Pick<DrawCommitment, "seedCommitment" | "entriesCommitment">;
}

/** The proof of a draw (winners drawn here). Throws DrawInputError on invalid input. */
export function buildProof(input: BuildProofInput): DrawProof {
  assertWinnerCount(input.n);
  if (Number.isNaN(input.createdAt.getTime())) throw new DrawInputError("bad-proof-field", "createdAt is an invalid date");
  const commitment = drawCommitment(input.seed, input.drawId, input.entryIds);
  if (
    input.published &&
    (input.published.seedCommitment !== commitment.seedCommitment || input.published.entriesCommitment !== commitment.entriesCommitment)
  ) {
    throw new DrawInputError("commitment-mismatch", "The seed or the entry list is not the one the published commitment was made for");
  }
  const proof: DrawProof = {
    format: PROOF_FORMAT,
    version: PROOF_VERSION,
    drawId: input.drawId,
    title: input.title,
    period: { from: input.period.from, to: input.period.to },
    createdAt: input.createdAt.toISOString(),
    n: input.n,
    seedCommitment: commitment.seedCommitment,
    entriesCommitment: commitment.entriesCommitment,
    winners: drawWinners(input.seed, input.drawId, input.entryIds, input.n),
    seed: input.seed,
    entries: sortUtf8(input.entryIds),
  };
  const checked = drawProofSchema.safeParse(proof);
  if (!checked.success) throw new DrawInputError("bad-proof-field", z.prettifyError(checked.error));
  return proof;
}

/** The proof file's text: pretty JSON, entries last, trailing newline. */
export function serializeProof(proof: DrawProof): string {
  return `${JSON.stringify(proof, null, 2)}\n`;
}

export type ProofCheckId = "format" | "seed-commitment" | "entries-commitment" | "entries-order" | "winners" | "entry-included";

export interface ProofCheck {
  id: ProofCheckId;
  ok: boolean;
  message: string;
  /** Specifics: schema problems, the hashes compared, the positions that differ. */
  details: string[];
}

export interface ProofVerification {
  /** Every check passed. */
  ok: boolean;
  /** The input is a Baton draw proof of a version this verifier reads (false: not JSON, another file, a newer version). */
  recognized: boolean;
  checks: ProofCheck[];
  /** The parsed proof, when it passed the format check. */
  proof: DrawProof | null;
  /** The whole ranking reproduced from the revealed seed over the listed (distinct) entries; [] when the format check failed. */
  ranking: RankedEntry[];
}

export interface VerifyOptions {
  /** An entrant's entry hash (or at least its first 8 hex digits, as shown in /mydata): adds a check that the entry took part. */
  entryHash?: string;
}

/** Most differences listed per check. */
const MAX_DETAILS = 10;

const sha256Hex = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

const count = (k: number, one: string, many = `${one}s`): string => `${k} ${k === 1 ? one : many}`;

function limited(details: string[]): string[] {
  if (details.length <= MAX_DETAILS) return details;
  return [...details.slice(0, MAX_DETAILS), `… and ${details.length - MAX_DETAILS} more`];
}

function failedFormat(message: string, details: string[] = [], recognized = false): ProofVerification {
  return { ok: false, recognized, checks: [{ id: "format", ok: false, message, details }], proof: null, ranking: [] };
}

/**
 * Checks a proof file: `input` is its text or the parsed JSON. Each check is reported on its
 * own: the revealed seed against the seed commitment, the listed entries against the entries
 * commitment, the listing's canonical order, the winners against the ranking reproduced
 * from the seed, and optionally one entrant's entry hash against the entries.
 */
export function verifyProof(input: unknown, options: VerifyOptions = {}): ProofVerification {
  let json = input;
  if (typeof input === "string") {
    try {
      json = JSON.parse(input) as unknown;
    } catch (err) {
      return failedFormat(`not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return failedFormat("not a Baton draw proof: expected a JSON object");
  }
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== PROOF_FORMAT) {
    return failedFormat(`not a Baton draw proof: "format" is ${JSON.stringify(head.format) ?? "missing"}, expected "${PROOF_FORMAT}"`);
  }
  if (head.version !== PROOF_VERSION) {
    return failedFormat(`proof version ${JSON.stringify(head.version) ?? "(missing)"} is not one this verifier reads (it reads version ${PROOF_VERSION})`);
  }
  const parsed = drawProofSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(file)"}: ${issue.message}`);
    return failedFormat("the file is not a well-formed version 1 proof", limited(details), true);
  }
  const proof = parsed.data;
  const checks: ProofCheck[] = [{ id: "format", ok: true, message: `a well-formed version ${PROOF_VERSION} proof`, details: [] }];

  // The seed against its commitment.
  const seedHash = seedCommitment(proof.seed);
  checks.push(
    seedHash === proof.seedCommitment
      ? { id: "seed-commitment", ok: true, message: "the revealed seed matches the seed commitment", details: [] }
      : {
          id: "seed-commitment",
          ok: false,
          message: "the revealed seed does not match the seed commitment",
          details: [`SHA-256 of the revealed seed: ${seedHash}`, `seed commitment in the file: ${proof.seedCommitment}`],
        },
  );

  // The listed entries against their commitment (as a set: the listing's order is the next check).
  const distinct = sortUtf8(proof.entries).filter((id, i, all) => i === 0 || id !== all[i - 1]);
  const entriesHash = sha256Hex(serializeEntries(distinct));
  checks.push(
    entriesHash === proof.entriesCommitment
      ? { id: "entries-commitment", ok: true, message: `the ${count(distinct.length, "listed entry", "listed entries")} match the entries commitment`, details: [] }
      : {
          id: "entries-commitment",
          ok: false,
          message: "the listed entries do not match the entries commitment",
          details: [`SHA-256 of the ${count(distinct.length, "listed entry", "listed entries")}: ${entriesHash}`, `entries commitment in the file: ${proof.entriesCommitment}`],
        },
  );

  // The listing itself: sorted by UTF-8 bytes, each id once.
  const orderProblems: string[] = [];
  for (let i = 1; i < proof.entries.length; i += 1) {
    const previous = proof.entries[i - 1] as string;
    const current = proof.entries[i] as string;
    const order = compareUtf8(previous, current);
    if (order === 0) orderProblems.push(`entries[${i}] repeats ${quoteId(current)}`);
    else if (order > 0) orderProblems.push(`entries[${i}] ${quoteId(current)} comes before ${quoteId(previous)} in byte order`);
  }
  checks.push(
    orderProblems.length === 0
      ? { id: "entries-order", ok: true, message: "the entries are distinct and sorted by UTF-8 byte order", details: [] }
      : { id: "entries-order", ok: false, message: "the entries are not a sorted list of distinct ids", details: limited(orderProblems) },
  );

  // The winners against the ranking reproduced from the seed.
  const ranking = rankEntries(proof.seed, proof.drawId, distinct);
  const expected = ranking.slice(0, proof.n).map((e) => e.entryId);
  const winnerProblems: string[] = [];
  if (expected.length !== proof.winners.length) {
    winnerProblems.push(
      `the file lists ${count(proof.winners.length, "winner")}; drawing ${proof.n} from ${count(distinct.length, "entry", "entries")} gives ${expected.length}`,
    );
  }
  for (let i = 0; i < Math.max(expected.length, proof.winners.length); i += 1) {
    const want = expected[i];
    const got = proof.winners[i];
    if (want !== got) {
      winnerProblems.push(`#${i + 1}: the draw gives ${want === undefined ? "no winner" : quoteId(want)}, the file says ${got === undefined ? "none" : quoteId(got)}`);
    }
  }
  checks.push(
    winnerProblems.length === 0
      ? { id: "winners", ok: true, message: `${expected.length === 1 ? "the winner reproduces" : `the ${expected.length} winners reproduce`} from the revealed seed`, details: [] }
      : { id: "winners", ok: false, message: "the winners do not reproduce from the revealed seed", details: limited(winnerProblems) },
  );

  if (options.entryHash !== undefined) checks.push(entryIncluded(options.entryHash, ranking, proof.n));

  return { ok: checks.every((c) => c.ok), recognized: true, checks, proof, ranking };
}

function entryIncluded(entryHash: string, ranking: RankedEntry[], n: number): ProofCheck {
  const prefix = entryHash.trim().toLowerCase();
  if (!/^[0-9a-f]{8,64}$/.test(prefix)) {
    return { id: "entry-included", ok: false, message: "an entry hash is 8 to 64 hex digits", details: [`given: ${JSON.stringify(entryHash)}`] };
  }
  const found = ranking.filter((e) => e.entryHash.startsWith(prefix));
  const [only] = found;
  if (only === undefined) {
    return { id: "entry-included", ok: false, message: `no entry of this draw has the hash ${prefix}`, details: [] };
  }
  if (found.length > 1) {
    return {
      id: "entry-included",
      ok: false,
      message: `${found.length} entries have hashes starting with ${prefix}: give more digits`,
      details: [],
    };
  }
  return {
    id: "entry-included",
    ok: true,
    message: `entry ${only.entryHash} took part: rank ${only.rank} of ${ranking.length}, ${only.rank <= n ? "a winner" : "not a winner"}`,
    details: [],
  };
}


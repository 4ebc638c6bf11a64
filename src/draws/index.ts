// Verifiable prize draws (spec §6, issue #11): pure functions, no database, no Telegram.
// Commit (seed and entry list hashes) before, rank by HMAC, reveal the seed after.
export { DrawInputError, MAX_ID_BYTES, canonicalEntries, compareUtf8, idProblem, printableId, quoteId, serializeEntries } from "./canonical.js";
export type { DrawInputErrorCode } from "./canonical.js";
export { SEED_BYTES, drawCommitment, entriesCommitment, entryHash, newSeed, seedCommitment } from "./commitment.js";
export type { DrawCommitment } from "./commitment.js";
export { drawWinners, entryMac, rankEntries } from "./ranking.js";
export type { RankedEntry } from "./ranking.js";
export { PROOF_FORMAT, PROOF_VERSION, buildProof, drawProofSchema, serializeProof, verifyProof } from "./proof.js";
export type { BuildProofInput, DrawProof, ProofCheck, ProofCheckId, ProofVerification, VerifyOptions } from "./proof.js";
export { formatVerification } from "./report.js";

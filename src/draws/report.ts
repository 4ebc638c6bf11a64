import { printableId } from "./canonical.js";
import type { ProofVerification } from "./proof.js";

/** The verifier's report as text lines: what the proof says, each check, the reproduced top n, the verdict. */
export function formatVerification(result: ProofVerification, source: string): string {
  const lines: string[] = [`Baton draw proof: ${source}`];
  const { proof } = result;
  if (proof) {
    lines.push(
      `Draw:               ${printableId(proof.drawId)} ${JSON.stringify(proof.title)}`,
      `Period:             ${proof.period.from} to ${proof.period.to}`,
      `Committed at:       ${proof.createdAt}`,
      `Entries:            ${proof.entries.length}, winners to draw: ${proof.n}`,
      `Seed commitment:    ${proof.seedCommitment}`,
      `Entries commitment: ${proof.entriesCommitment}`,
      "Compare both commitments with the ones the bot showed before the draw.",
    );
  }
  lines.push("");
  for (const check of result.checks) {
    lines.push(`${check.ok ? "[ok]  " : "[FAIL]"} ${check.id}: ${check.message}`);
    for (const detail of check.details) lines.push(`         ${detail}`);
  }
  if (proof) {
    const top = result.ranking.slice(0, proof.n);
    lines.push("", `Ranking reproduced from the revealed seed (top ${top.length} of ${result.ranking.length}):`);
    if (top.length === 0) lines.push("  (no entries)");
    const width = String(top.length).length;
    for (const entry of top) lines.push(`  #${String(entry.rank).padEnd(width)}  ${entry.entryHash}  ${printableId(entry.entryId)}`);
  }
  lines.push("");
  if (result.ok) {
    lines.push("VALID: the seed and the entries match their commitments and the winners reproduce.");
  } else {
    const failed = result.checks.filter((c) => !c.ok).map((c) => c.id);
    lines.push(`INVALID: failed ${failed.length === 1 ? "check" : "checks"}: ${failed.join(", ")}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Checks a published draw proof offline:
 *
 *   npm run verify-draw -- <proof.json> [--entry-hash <hash>]
 *   node dist/src/draws/verify-cli.js <proof.json> [--entry-hash <hash>]
 *
 * Exit code 0: every check passed. 1: the file is a proof and some check failed (listed).
 * 2: no proof to check (bad arguments, unreadable file, not JSON, not a Baton draw proof,
 * a version this verifier does not read).
 */
import { readFileSync } from "node:fs";
import { verifyProof } from "./proof.js";
import { formatVerification } from "./report.js";

const USAGE = "usage: verify-draw <proof.json> [--entry-hash <hash from /mydata>]";

function parseArgs(argv: string[]): { file: string; entryHash?: string } | string {
  const positional: string[] = [];
  let entryHash: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === "--entry-hash") {
      entryHash = argv[i + 1];
      if (entryHash === undefined) return "--entry-hash needs a value";
      i += 1;
    } else if (arg.startsWith("--entry-hash=")) {
      entryHash = arg.slice("--entry-hash=".length);
    } else if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith("-") && arg !== "-") {
      return `unknown option ${arg}`;
    } else {
      positional.push(arg);
    }
  }
  const [file, ...rest] = positional;
  if (file === undefined) return "no proof file given";
  if (rest.length > 0) return "give one proof file";
  if (entryHash !== undefined && !/^[0-9a-fA-F]{8,64}$/.test(entryHash)) return "--entry-hash takes 8 to 64 hex digits";
  return entryHash === undefined ? { file } : { file, entryHash };
}

function main(argv: string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === "string") {
    process.stderr.write(`verify-draw: ${args}\n${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(args.file === "-" ? 0 : args.file, "utf8");
  } catch (err) {
    process.stderr.write(`verify-draw: cannot read ${args.file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const result = verifyProof(text, args.entryHash === undefined ? {} : { entryHash: args.entryHash });
  if (!result.recognized) {
    const reason = result.checks.map((c) => c.message).join("; ");
    process.stderr.write(`verify-draw: cannot check ${args.file}: ${reason}\n`);
    return 2;
  }
  process.stdout.write(formatVerification(result, args.file));
  return result.ok ? 0 : 1;
}

// exitCode rather than exit(): a long report piped elsewhere is flushed before the process ends.
process.exitCode = main(process.argv.slice(2));

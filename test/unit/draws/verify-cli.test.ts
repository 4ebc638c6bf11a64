import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildProof, entryHash, serializeProof, type DrawProof } from "../../../src/draws/index.js";

/** The verifier run as a user runs it: a child process, through tsx or compiled by tsc. */
const root = fileURLToPath(new URL("../../../", import.meta.url));
const tsx = join(root, "node_modules/.bin/tsx");
const cli = join(root, "src/draws/verify-cli.ts");

const DRAW_ID = "665f1d009b3e4d0012a7d001";
const proof: DrawProof = buildProof({
  drawId: DRAW_ID,
  title: "Spring prize draw",
  period: { from: "2026-04-01", to: "2026-04-30" },
  createdAt: new Date("2026-05-01T09:00:00Z"),
  seed: "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
  entryIds: Array.from({ length: 5 }, (_, i) => `665f1c2a9b3e4d0012a7c00${i + 1}`),
  n: 2,
});

let dir: string;
const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", timeout: 60_000 });
  if (result.error) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const verify = (...args: string[]) => run(tsx, [cli, ...args]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "verify-draw-"));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

// Each case starts child processes (tsx, npm, tsc): generous time on a busy machine.
describe("verify-draw CLI", { timeout: 120_000 }, () => {
  it("exits 0 on a valid proof and prints the reproduced top n with entry hashes", () => {
    const { code, stdout, stderr } = verify(file("valid.json", serializeProof(proof)));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("[ok]   seed-commitment:");
    expect(stdout).toContain("[ok]   winners: the 2 winners reproduce from the revealed seed");
    expect(stdout).toContain(`  #1  ${entryHash(DRAW_ID, "665f1c2a9b3e4d0012a7c004")}  665f1c2a9b3e4d0012a7c004`);
    expect(stdout).toContain(`  #2  ${entryHash(DRAW_ID, "665f1c2a9b3e4d0012a7c005")}  665f1c2a9b3e4d0012a7c005`);
    expect(stdout).toMatch(/\nVALID: .*\n$/);
  });

  it("exits 1 on a tampered proof and lists the failed checks", () => {
    const swapped = { ...proof, winners: ["665f1c2a9b3e4d0012a7c001", "665f1c2a9b3e4d0012a7c005"] };
    const winners = verify(file("winners.json", serializeProof(swapped)));
    expect(winners.code).toBe(1);
    expect(winners.stdout).toContain("[FAIL] winners: the winners do not reproduce from the revealed seed");
    expect(winners.stdout).toContain('#1: the draw gives "665f1c2a9b3e4d0012a7c004", the file says "665f1c2a9b3e4d0012a7c001"');
    expect(winners.stdout).toMatch(/\nINVALID: failed check: winners\n$/);

    const seed = verify(file("seed.json", serializeProof({ ...proof, seed: "ff".repeat(32) })));
    expect(seed.code).toBe(1);
    expect(seed.stdout).toContain("[FAIL] seed-commitment:");
    expect(seed.stdout).toMatch(/INVALID: failed checks: seed-commitment, winners\n$/);

    const entries = verify(file("entries.json", serializeProof({ ...proof, entries: proof.entries.slice(1) })));
    expect(entries.code).toBe(1);
    expect(entries.stdout).toContain("[FAIL] entries-commitment:");

    const malformed = verify(file("malformed.json", JSON.stringify({ ...proof, n: -1 })));
    expect(malformed.code).toBe(1);
    expect(malformed.stdout).toContain("[FAIL] format: the file is not a well-formed version 1 proof");
  });

  it("exits 2 when there is no proof to check", () => {
    const missing = verify(join(dir, "does-not-exist.json"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*does-not-exist\.json/);
    expect(missing.stdout).toBe("");

    const notJson = verify(file("not.json", "winners: a, b"));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/not JSON/);

    const future = verify(file("v2.json", JSON.stringify({ ...proof, version: 2 })));
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/version 2 is not one this verifier reads/);

    expect(verify().code).toBe(2);
    expect(verify("a.json", "b.json").code).toBe(2);
    expect(verify("--frobnicate", "a.json").code).toBe(2);
    expect(verify(file("ok.json", serializeProof(proof)), "--entry-hash", "xyz").code).toBe(2);
  });

  it("checks an entrant's entry hash when given one", () => {
    const valid = file("valid.json", serializeProof(proof));
    const mine = entryHash(DRAW_ID, "665f1c2a9b3e4d0012a7c002");
    const found = verify(valid, "--entry-hash", mine.slice(0, 16));
    expect(found.code).toBe(0);
    expect(found.stdout).toContain(`[ok]   entry-included: entry ${mine} took part: rank 5 of 5, not a winner`);

    const absent = verify(valid, `--entry-hash=${entryHash("other-draw", "665f1c2a9b3e4d0012a7c002")}`);
    expect(absent.code).toBe(1);
    expect(absent.stdout).toContain("[FAIL] entry-included: no entry of this draw has the hash");
  });

  it("runs as `npm run verify-draw -- <file>`", () => {
    const { code, stdout } = run("npm", ["run", "--silent", "verify-draw", "--", file("npm.json", serializeProof(proof))]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\nVALID: /);
  });

  it("runs compiled by tsc with plain node, as from dist/", () => {
    // The build's compiler options, limited to src/draws, into a scratch folder inside the
    // project so that the compiled code resolves zod from node_modules like dist/ does.
    const scratch = join(root, ".cache", `verify-draw-build-${process.pid}`);
    mkdirSync(scratch, { recursive: true });
    try {
      writeFileSync(
        join(scratch, "tsconfig.json"),
        JSON.stringify({
          extends: "../../tsconfig.build.json",
          compilerOptions: { rootDir: "../..", outDir: "./dist", sourceMap: false },
          include: ["../../src/draws"],
        }),
      );
      const tsc = run(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(scratch, "tsconfig.json")]);
      expect(tsc.stdout + tsc.stderr).toBe("");
      expect(tsc.code).toBe(0);
      const compiled = join(scratch, "dist/src/draws/verify-cli.js");
      const valid = run(process.execPath, [compiled, file("dist.json", serializeProof(proof))]);
      expect(valid.code).toBe(0);
      expect(valid.stdout).toContain(`  #1  ${entryHash(DRAW_ID, "665f1c2a9b3e4d0012a7c004")}  665f1c2a9b3e4d0012a7c004`);
      const tampered = run(process.execPath, [compiled, file("dist-bad.json", serializeProof({ ...proof, seed: "ff".repeat(32) }))]);
      expect(tampered.code).toBe(1);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

// `npm start`: compile when the sources are newer than dist/, load .env when
// present, then run the compiled entry point. Production images can run
// `npm run build` once and `node dist/src/main.js` directly.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const entry = join(root, "dist/src/main.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ["src", "scenes", "jobs"].map((d) => newestMtime(join(root, d)));
if (!existsSync(entry) || Math.max(...sources) > statSync(entry).mtimeMs) {
  console.error("Building (tsc)…");
  execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], {
    stdio: "inherit",
  });
}
if (existsSync(join(root, ".env"))) process.loadEnvFile(join(root, ".env"));
await import(entry);

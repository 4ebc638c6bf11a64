import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SUPPORTED_LANGUAGES } from "../src/config.js";
import { localesDir, projectRoot } from "../src/shared/paths.js";

/** A language's texts are every .ftl file in locales/<language>/ (one file per feature). */
const keysOf = (language: string): string[] =>
  readdirSync(join(localesDir, language))
    .filter((f) => f.endsWith(".ftl"))
    .map((f) => readFileSync(join(localesDir, language, f), "utf8"))
    .join("\n")
    .split("\n")
    .map((line) => /^([a-z][\w-]*)\s*=/.exec(line)?.[1])
    .filter((k): k is string => k !== undefined)
    .sort();

/** Keys written literally in code: t("key"), ctx.t("key"), i18n.t(lang, "key"). */
function keysUsedInCode(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        const source = readFileSync(path, "utf8");
        for (const m of source.matchAll(/\bt\((?:[\w.]+, )?"([a-z][\w-]*)"/g)) used.add(m[1]!);
      }
    }
  };
  for (const dir of ["src", "scenes", "jobs"]) walk(join(projectRoot, dir));
  return used;
}

describe("locale files", () => {
  const english = keysOf("en");

  it.each(SUPPORTED_LANGUAGES.filter((l) => l !== "en"))("%s has exactly the English keys", (language) => {
    expect(keysOf(language)).toEqual(english);
  });

  it("defines no key twice", () => {
    expect(new Set(english).size).toBe(english.length);
  });

  it("has every key the code asks for", () => {
    const missing = [...keysUsedInCode()].filter((k) => !english.includes(k));
    expect(missing).toEqual([]);
  });
});

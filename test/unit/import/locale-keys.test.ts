import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONTACT_KINDS } from "../../../src/clients/client-event.model.js";
import { EXPORT_COLUMNS, EXPORT_KINDS } from "../../../src/clients/export/rows.js";
import { IMPORT_FIELDS } from "../../../src/clients/import/columns.js";
import { IMPORT_FAILURES } from "../../../src/clients/import/import.model.js";
import { SUPPORTED_LANGUAGES } from "../../../src/config.js";
import { localesDir } from "../../../src/shared/paths.js";

/** Keys the import and export build from values (`import-bad-${code}`), which the literal-key scan cannot see. */
const built = [
  ...["name-missing", "name-length", "phone", "email", "kind", "key", "too-long"].map((c) => `import-bad-${c}`),
  ...IMPORT_FAILURES.map((f) => `import-file-${f}`),
  ...IMPORT_FIELDS.map((f) => `import-field-${f}`),
  ...["phone", "email", "name"].map((r) => `import-reason-${r}`),
  ...EXPORT_KINDS.flatMap((k) => [`btn-export-${k}`, `export-what-${k}`, ...EXPORT_COLUMNS[k].map((c) => `export-col-${c}`)]),
  ...CONTACT_KINDS.map((k) => `export-contact-${k}`),
  "cmd-import",
  "cmd-export",
];

describe("import and export texts", () => {
  it.each(SUPPORTED_LANGUAGES)("%s has every key built from a value", (language) => {
    const dir = join(localesDir, language);
    const keys = new Set(
      readdirSync(dir)
        .filter((f) => f.endsWith(".ftl"))
        .flatMap((f) => readFileSync(join(dir, f), "utf8").split("\n"))
        .map((line) => /^([a-z][\w-]*)\s*=/.exec(line)?.[1])
        .filter(Boolean),
    );
    expect(built.filter((k) => !keys.has(k))).toEqual([]);
  });
});

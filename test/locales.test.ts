import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandsFor } from "../src/telegram/command-menus.js";
import { CONTACT_KINDS } from "../src/clients/client-event.model.js";
import { OWNERSHIP_REASONS } from "../src/clients/client.model.js";
import { EDITABLE_FIELDS } from "../src/clients/edit-client.js";
import { CLIENT_FILTERS } from "../src/clients/queries.js";
import { SUPPORTED_LANGUAGES } from "../src/config.js";
import { ROLES } from "../src/teams/member.model.js";
import { REPORT_OUTCOMES } from "../src/rotation/rotation.model.js";
import { RUN_KINDS } from "../src/rotation/rotation-run.model.js";
import { NUMERIC_SETTINGS } from "../scenes/rotation/setting.js";
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

  it("has every key the code builds from a value (kinds, fields, reasons, error codes, menus)", () => {
    const menuKeys: string[] = [];
    for (const audience of ["guest", ...ROLES] as const) commandsFor(audience, "en", { t: (_l, key) => (menuKeys.push(key), key) });
    const errorCodes = [
      "team-name-length", "timezone-unknown", "country-unknown", "currency-unknown", "use-buttons",
      "client-name-length", "text-too-long", "phone-invalid", "email-invalid",
      "amount-invalid", "amount-negative", "amount-too-large", "amount-zero",
      "date-invalid", "date-future", "date-too-old", "follow-up-invalid", "follow-up-past", "setting-out-of-range",
    ];
    const built = [
      ...menuKeys,
      ...CONTACT_KINDS.map((k) => `contact-kind-${k}`),
      ...EDITABLE_FIELDS.map((f) => `field-${f}`),
      ...[...OWNERSHIP_REASONS, "pool-top-up"].map((r) => `reason-${r}`),
      ...CLIENT_FILTERS.map((f) => `filter-${f}`),
      ...ROLES.map((r) => `role-${r}`),
      ...["guest", ...ROLES].map((r) => `help-${r}`),
      ...["phone", "email", "name"].map((r) => `duplicate-reason-${r}`),
      ...["unknown", "expired", "used", "already-member", "already-in-this-team"].map((e) => `invite-${e}`),
      ...["not-found", "not-a-manager", "already-inactive"].map((e) => `team-deactivate-${e}`),
      ...errorCodes.map((c) => `error-${c}`),
      ...RUN_KINDS.map((k) => `rotation-kind-${k}`),
      ...REPORT_OUTCOMES.map((o) => `report-outcome-${o}`),
      ...["enabled", "neverBoughtEnabled", "lapsedEnabled", ...NUMERIC_SETTINGS].map((k) => `rotation-setting-${k}`),
      ...NUMERIC_SETTINGS.map((k) => `rotation-ask-${k}`),
      ...["no-managers", "no-active-managers", "no-eligible-clients"].map((c) => `rotation-note-${c}`),
      ...["never-bought", "lapsed", "manager-deactivated", "pool-top-up"].map((r) => `reason-${r}`),
    ];
    expect(built.filter((k) => !english.includes(k))).toEqual([]);
  });

  it("has every key the code asks for", () => {
    const missing = [...keysUsedInCode()].filter((k) => !english.includes(k));
    expect(missing).toEqual([]);
  });
});

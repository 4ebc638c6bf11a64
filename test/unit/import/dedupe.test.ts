import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyIndex, similarKeys } from "../../../src/clients/import/dedupe.js";
import { isSimilarName, nameKey } from "../../../src/clients/name-key.js";

const keys = (name: string, phones: string[] = [], email: string | null = null) => ({ name, phones, email, nameKey: nameKey(name) });

describe("KeyIndex (duplicates within a file)", () => {
  it("finds the earliest holder of a phone, an email, the same or a very similar name", () => {
    const index = new KeyIndex<number>();
    index.add(keys("Acme Trading GmbH", ["+49301234567"], "info@acme.de"), 2);
    index.add(keys("Globex", ["+49301234568"]), 3);
    expect(index.find(keys("Other", ["+49309999999", "+49301234568"]))).toEqual({ reason: "phone", value: 3 });
    expect(index.find(keys("Other", [], "info@acme.de"))).toEqual({ reason: "email", value: 2 });
    expect(index.find(keys("ACME Trading"))).toEqual({ reason: "name", value: 2 }); // legal form and case ignored
    expect(index.find(keys("Acme Tradng"))).toEqual({ reason: "name", value: 2 }); // a typo
    expect(index.find(keys("Initech"))).toBeNull();
    expect(index.find(keys("Globe"))).toEqual({ reason: "name", value: 3 }); // one letter of six: isSimilarName's rule
    index.add(keys("Abc"), 4);
    expect(index.find(keys("Abd"))).toBeNull(); // keys under 4 letters must match exactly
  });

  it("finds every name it holds when thousands share their first letters", () => {
    // Speed at this size is measured in bench/, not asserted here (shared machines).
    const index = new KeyIndex<number>();
    const added: string[] = [];
    for (let i = 0; i < 5_000; i++) {
      const name = `Shop ${i.toString(36).padStart(4, "0")}-${(i * 7919).toString(36)}`;
      const k = keys(name);
      if (!index.find(k)) {
        index.add(k, i);
        added.push(name);
      }
    }
    expect(added.length).toBeGreaterThan(100);
    for (const name of added.slice(0, 200)) expect(index.find(keys(name))).not.toBeNull();
  });
});

describe("similarKeys", () => {
  it("agrees with isSimilarName on names that are close to each other", () => {
    // A small alphabet makes near misses (one or two edits) common.
    const name = fc.array(fc.constantFrom("a", "b", "c", "o", "д", "ж", " ", "ltd", "ооо", "-"), { minLength: 1, maxLength: 12 }).map((p) => p.join(""));
    fc.assert(
      fc.property(name, name, (a, b) => {
        const points = (s: string) => Array.from(nameKey(s), (c) => c.codePointAt(0)!);
        expect(similarKeys(points(a), points(b))).toBe(isSimilarName(a, b));
      }),
      { numRuns: 5000 },
    );
  });
});

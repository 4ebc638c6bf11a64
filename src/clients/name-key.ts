/**
 * Client names compared the way a person would: "ООО «Ромашка»" and
 * "Ромашка" are the same company, "Acme Corp" and "ACME Corp." too. Used to
 * warn about duplicates and to search, never to change what is stored.
 */

// Legal forms say nothing about which company it is. "private" only counts in "private limited".
const LEGAL_FORMS = new Set(["llc", "ltd", "inc", "gmbh", "pvt", "limited", "ооо", "оао", "зао", "пао", "ип", "ао"]);

export function nameKey(name: string): string {
  const words = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ё/g, "е")
    // An apostrophe inside a word joins it ("McDonald's" = "McDonalds"); other marks separate words.
    .replace(/(?<=[\p{L}\p{N}])['’`](?=[\p{L}\p{N}])/gu, "")
    // \p{M} keeps Devanagari vowel signs, which are part of the letters.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  const kept = words.filter((word, i) => !LEGAL_FORMS.has(word) && !(word === "private" && words[i + 1] === "limited"));
  // A name that is nothing but a legal form ("ИП") keeps it rather than becoming empty.
  return (kept.length > 0 ? kept : words).join(" ");
}

/**
 * Same key, or keys of 4+ characters within a small edit distance
 * (max(1, 15% of the longer key)) to catch typos. Short keys must match
 * exactly: one letter is a different name when there are only three.
 */
export function isSimilarName(a: string, b: string): boolean {
  const ka = [...nameKey(a)];
  const kb = [...nameKey(b)];
  if (ka.length === 0 || kb.length === 0) return false;
  if (ka.join("") === kb.join("")) return true;
  if (Math.min(ka.length, kb.length) < 4) return false;
  const limit = Math.max(1, Math.floor(0.15 * Math.max(ka.length, kb.length)));
  return levenshtein(ka, kb, limit) <= limit;
}

/** Edit distance over code points; stops early once it must exceed limit. */
function levenshtein(a: string[], b: string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    if (Math.min(...current) > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

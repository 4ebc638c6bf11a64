/**
 * Tie-breaks for the planner. Plans must not depend on input order or on
 * Math.random, yet two runs should not always favour the same colleague, so
 * ties are settled by hashes seeded with the run id.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over UTF-16 code units; `seed` continues an earlier hash. */
export function fnv1a(text: string, seed: number = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Hash of (runId, id). The separator keeps ("ab", "c") apart from ("a", "bc"). */
export function runHash(runId: string, id: string): number {
  return fnv1a(id, fnv1a("\u0000", fnv1a(runId)));
}

/**
 * Hash of (runId, clientId, managerId) from the two precomputed run hashes.
 * Re-hashing both strings for every candidate would dominate the run time on
 * big teams; a murmur3 finaliser over the pair mixes just as well for ties.
 */
export function pairHash(clientHash: number, managerHash: number): number {
  let h = (clientHash ^ Math.imul(managerHash ^ (managerHash >>> 15), 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Code-unit order: localeCompare would make plans depend on the server's locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts records by id and drops every record whose id occurs more than once.
 * Keeping "the first" copy would depend on input order, so none is kept and
 * the caller reports the ids instead.
 */
export function uniqueSortedById<T extends { id: string }>(items: readonly T[]): { items: T[]; duplicates: string[] } {
  const sorted = [...items].sort((a, b) => compareIds(a.id, b.id));
  const unique: T[] = [];
  const duplicates: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.id === sorted[i]!.id) j++;
    if (j - i === 1) unique.push(sorted[i]!);
    else duplicates.push(sorted[i]!.id);
    i = j;
  }
  return { items: unique, duplicates };
}

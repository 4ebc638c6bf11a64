import type { Types } from "mongoose";
import { Client, type ClientDoc } from "../client.model.js";
import type { DuplicateReason } from "../duplicates.js";

/** What duplicate checks look at: the same phone or email, or a very similar name. */
export interface DedupeKeys {
  phones: string[];
  email: string | null;
  /** nameKey(name): see src/clients/name-key.ts. */
  nameKey: string;
}

export interface Match<T> {
  reason: DuplicateReason;
  value: T;
}

/** Names are compared only with names sharing their first letters, as in the single-client check. */
const PREFIX = 3;
/**
 * Similar-name comparisons per lookup. A file of 50,000 names all starting
 * with "Shop" would otherwise cost billions of comparisons; the newest names
 * of the group are the likeliest neighbours in a sorted export.
 */
const MAX_NAME_COMPARISONS = 200;

const prefixOf = (key: string) => [...key].slice(0, PREFIX).join("");
const codePoints = (key: string) => Array.from(key, (c) => c.codePointAt(0)!);

/**
 * isSimilarName (src/clients/name-key.ts) for two keys already computed:
 * equal, or both of 4+ letters within max(1, 15% of the longer) edits. It
 * only fills the diagonal band the limit allows, so comparing one name with
 * hundreds of others stays cheap; test/unit/import checks it agrees with
 * isSimilarName.
 */
export function similarKeys(a: readonly number[], b: readonly number[]): boolean {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return false;
  if (n === m && a.every((c, i) => c === b[i])) return true;
  if (Math.min(n, m) < 4) return false;
  const limit = Math.max(1, Math.floor(0.15 * Math.max(n, m)));
  if (Math.abs(n - m) > limit) return false;
  const far = limit + 1;
  let previous = new Int32Array(m + 1).fill(far);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= Math.min(m, limit); j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current.fill(far);
    if (i <= limit) current[0] = i;
    let best = current[0]!;
    for (let j = Math.max(1, i - limit); j <= Math.min(m, i + limit); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (current[j]! < best) best = current[j]!;
    }
    if (best > limit) return false;
    [previous, current] = [current, previous];
  }
  return previous[m]! <= limit;
}

/**
 * Phones, emails and names seen so far, each pointing at whatever holds them
 * (a row number of the file, or a client of the team). The first holder of a
 * key wins, so a duplicate is reported against the earliest row.
 */
export class KeyIndex<T> {
  private readonly phones = new Map<string, T>();
  private readonly emails = new Map<string, T>();
  private readonly names = new Map<string, T>();
  private readonly groups = new Map<string, { points: number[]; value: T }[]>();

  add(keys: DedupeKeys, value: T): void {
    for (const phone of keys.phones) if (!this.phones.has(phone)) this.phones.set(phone, value);
    if (keys.email && !this.emails.has(keys.email)) this.emails.set(keys.email, value);
    if (!keys.nameKey || this.names.has(keys.nameKey)) return;
    this.names.set(keys.nameKey, value);
    const prefix = prefixOf(keys.nameKey);
    const group = this.groups.get(prefix) ?? [];
    group.push({ points: codePoints(keys.nameKey), value });
    this.groups.set(prefix, group);
  }

  find(keys: DedupeKeys): Match<T> | null {
    for (const phone of keys.phones) {
      const value = this.phones.get(phone);
      if (value !== undefined) return { reason: "phone", value };
    }
    const byEmail = keys.email ? this.emails.get(keys.email) : undefined;
    if (byEmail !== undefined) return { reason: "email", value: byEmail };
    if (!keys.nameKey) return null;
    const byName = this.names.get(keys.nameKey);
    if (byName !== undefined) return { reason: "name", value: byName };

    const group = this.groups.get(prefixOf(keys.nameKey)) ?? [];
    const points = codePoints(keys.nameKey);
    for (let i = group.length - 1; i >= 0 && i >= group.length - MAX_NAME_COMPARISONS; i--) {
      if (similarKeys(points, group[i]!.points)) return { reason: "name", value: group[i]!.value };
    }
    return null;
  }
}

export type TeamCandidate = Pick<ClientDoc, "_id" | "name" | "nameKey" | "phones" | "email" | "ownerId">;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The team's clients that may be duplicates of any row of a batch: one query
 * for the whole batch, never one per row. It matches the batch's phones and
 * emails exactly and names by their first letters; the caller then judges each
 * row in memory with a KeyIndex over the result.
 *
 * `skipCreatedAt` leaves out the clients this import itself wrote (they all
 * carry the import's confirmation time): rows of the same file are judged by
 * the in-file index, and after a crash a row must not count as a duplicate
 * of its own earlier copy.
 */
export async function findTeamCandidates(
  teamId: Types.ObjectId,
  rows: DedupeKeys[],
  opts: { skipCreatedAt?: Date } = {},
): Promise<TeamCandidate[]> {
  if (rows.length === 0) return [];
  const phones = [...new Set(rows.flatMap((r) => r.phones))];
  const emails = [...new Set(rows.flatMap((r) => (r.email ? [r.email] : [])))];
  const prefixes = [...new Set(rows.map((r) => prefixOf(r.nameKey)).filter(Boolean))];
  const or: object[] = [];
  if (phones.length > 0) or.push({ phones: { $in: phones } });
  if (emails.length > 0) or.push({ email: { $in: emails } });
  if (prefixes.length > 0) or.push({ nameKey: { $in: prefixes.map((p) => new RegExp("^" + escapeRegex(p))) } });
  // An explicit $and keeps this order: engines without a query planner (the
  // offline stand-in) test the cheap equality before the regexes.
  const and: object[] = [{ teamId }];
  if (opts.skipCreatedAt) and.push({ createdAt: { $ne: opts.skipCreatedAt } });
  and.push({ $or: or });
  return Client.find({ $and: and }, { name: 1, nameKey: 1, phones: 1, email: 1, ownerId: 1 }).lean<TeamCandidate[]>();
}

import type { Types } from "mongoose";
import { Client, type ClientDoc } from "../client.model.js";
import type { DuplicateReason } from "../duplicates.js";
import { isSimilarName } from "../name-key.js";

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
const lengthOf = (key: string) => [...key].length;

/** isSimilarName's own bounds, checked first because they are cheap: length 4+ and a small length difference. */
function mayBeSimilar(a: number, b: number): boolean {
  if (Math.min(a, b) < 4) return false;
  return Math.abs(a - b) <= Math.max(1, Math.floor(0.15 * Math.max(a, b)));
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
  private readonly groups = new Map<string, { key: string; length: number; value: T }[]>();

  add(keys: DedupeKeys, value: T): void {
    for (const phone of keys.phones) if (!this.phones.has(phone)) this.phones.set(phone, value);
    if (keys.email && !this.emails.has(keys.email)) this.emails.set(keys.email, value);
    if (!keys.nameKey || this.names.has(keys.nameKey)) return;
    this.names.set(keys.nameKey, value);
    const prefix = prefixOf(keys.nameKey);
    const group = this.groups.get(prefix) ?? [];
    group.push({ key: keys.nameKey, length: lengthOf(keys.nameKey), value });
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
    const length = lengthOf(keys.nameKey);
    let compared = 0;
    for (let i = group.length - 1; i >= 0 && compared < MAX_NAME_COMPARISONS; i--) {
      const other = group[i]!;
      if (!mayBeSimilar(length, other.length)) continue;
      compared++;
      if (isSimilarName(keys.nameKey, other.key)) return { reason: "name", value: other.value };
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

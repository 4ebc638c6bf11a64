import type { Types } from "mongoose";
import { Member } from "../teams/member.model.js";
import { Client, type ClientDoc } from "./client.model.js";
import { isSimilarName, nameKey } from "./name-key.js";

export type DuplicateReason = "phone" | "email" | "name";

export interface DuplicateMatch {
  clientId: string;
  name: string;
  reason: DuplicateReason;
  /** Whose client it is, from the asking manager's point of view. */
  holder: "self" | "other" | "pool";
  holderName: string | null;
}

/** Name candidates share the key's first letters; similarity is then judged in code. */
const NAME_PREFIX = 3;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Clients of the team that look like the one being added: the same phone or
 * email, or a very similar name. Two round trips whatever the team's size:
 * one query for candidates, one for their owners' names.
 */
export async function findDuplicates(
  teamId: Types.ObjectId,
  askingMemberId: Types.ObjectId | null,
  candidate: { name: string; phones: string[]; email: string | null },
): Promise<DuplicateMatch[]> {
  const key = nameKey(candidate.name);
  const or: object[] = [{ nameKey: new RegExp("^" + escapeRegex([...key].slice(0, NAME_PREFIX).join(""))) }];
  if (candidate.phones.length > 0) or.push({ phones: { $in: candidate.phones } });
  if (candidate.email) or.push({ email: candidate.email });
  const found = await Client.find({ teamId, $or: or }, { name: 1, phones: 1, email: 1, ownerId: 1 }).limit(200).lean();

  const matches: { client: Pick<ClientDoc, "_id" | "name" | "ownerId">; reason: DuplicateReason }[] = [];
  for (const c of found) {
    const reason: DuplicateReason | null = c.phones.some((p) => candidate.phones.includes(p))
      ? "phone"
      : candidate.email && c.email === candidate.email
        ? "email"
        : isSimilarName(c.name, candidate.name)
          ? "name"
          : null;
    if (reason) matches.push({ client: c, reason });
  }
  if (matches.length === 0) return [];

  const ownerIds = [...new Set(matches.flatMap((m) => (m.client.ownerId ? [String(m.client.ownerId)] : [])))];
  const owners = new Map(
    (await Member.find({ teamId, _id: { $in: ownerIds } }, { name: 1 }).lean()).map((m) => [String(m._id), m.name]),
  );
  return matches.slice(0, 5).map(({ client, reason }) => ({
    clientId: String(client._id),
    name: client.name,
    reason,
    holder: !client.ownerId ? "pool" : askingMemberId && client.ownerId.equals(askingMemberId) ? "self" : "other",
    holderName: client.ownerId ? (owners.get(String(client.ownerId)) ?? null) : null,
  }));
}

import { Types } from "mongoose";
import { Client } from "../../src/clients/client.model.js";
import { newClientDocument } from "../../src/clients/create-client.js";
import { defaultTeamSettings } from "../../src/teams/team-settings.js";
import { Member, type Role } from "../../src/teams/member.model.js";
import { createTeam, type Membership } from "../../src/teams/teams.js";

/** Builds data straight through the domain modules, so a test can start where its story starts. */

export async function seedTeam(input: {
  directorId: number;
  name?: string;
  timezone?: string;
  country?: string;
  currency?: string;
  now?: Date;
}): Promise<Membership> {
  const result = await createTeam({
    founder: { telegramId: input.directorId, name: `Director ${input.directorId}` },
    name: input.name ?? `Team ${input.directorId}`,
    timezone: input.timezone ?? "Europe/Berlin",
    country: input.country ?? "DE",
    currency: input.currency ?? "EUR",
    language: "en",
    now: input.now ?? new Date(),
  });
  if (!result.ok) throw new Error(`seedTeam: ${result.error}`);
  return result.value;
}

export async function seedMember(team: Membership["team"], input: { telegramId: number; name?: string; role?: Role; level?: number }) {
  const member = await Member.create({
    teamId: team._id,
    telegramId: input.telegramId,
    activeTelegramId: input.telegramId,
    name: input.name ?? `Manager ${input.telegramId}`,
    role: input.role ?? "manager",
    level: input.level ?? 1,
    active: true,
    joinedAt: new Date(),
  });
  return member.toObject();
}

export async function seedClients(teamId: Types.ObjectId, ownerId: Types.ObjectId | null, names: string[], at = new Date()) {
  const docs = names.map((name) =>
    newClientDocument({
      teamId,
      ownerId,
      now: at,
      reason: "created",
      rotation: defaultTeamSettings().rotation,
      client: { name, kind: "b2b", keyAccount: false, phones: [], email: null, contactPerson: null, source: null, notes: null },
    }),
  );
  return Client.insertMany(docs);
}

import mongoose from "mongoose";
import { BonusAudit, BonusLine } from "../bonuses/bonus-line.model.js";
import { ClientEvent } from "../clients/client-event.model.js";
import { Client } from "../clients/client.model.js";
import { ClientSearch } from "../clients/search.model.js";
import { Import } from "../clients/import/import.model.js";
import { Deal } from "../deals/deal.model.js";
import { Delivery } from "../outbound/delivery.model.js";
import { ConsentRecord } from "../subscribers/consent-record.model.js";
import { RotationPreview } from "../rotation/preview.model.js";
import { RotationRun } from "../rotation/rotation-run.model.js";
import { Rotation } from "../rotation/rotation.model.js";
import { Invite } from "../teams/invite.model.js";
import { Member } from "../teams/member.model.js";
import { Team } from "../teams/team.model.js";
import { User } from "../users/user.model.js";
import { migrate } from "./migrations.js";
import { ProcessedUpdate } from "./processed-update.model.js";

/** Every model of the app: each declares its indexes, all are initialised before the first update. */
export const MODELS: readonly mongoose.Model<never>[] = [
  User,
  Team,
  Member,
  Invite,
  Client,
  ClientEvent,
  ClientSearch,
  Import,
  Deal,
  RotationRun,
  Rotation,
  RotationPreview,
  BonusLine,
  BonusAudit,
  Delivery,
  ConsentRecord,
  ProcessedUpdate,
] as never;

/**
 * Connects mongoose and waits until every collection and index exists.
 * Waiting matters beyond tidiness: a collection created concurrently with its
 * first insert can lose that document on the offline stand-in.
 */
export async function connectDatabase(
  uri: string,
  dbName: string,
  opts: { monitorCommands?: boolean } = {},
): Promise<mongoose.Connection> {
  await mongoose.connect(uri, { dbName, serverSelectionTimeoutMS: 15_000, monitorCommands: opts.monitorCommands ?? false });
  await Promise.all(MODELS.map((model) => model.init()));
  await migrate();
  // Conversation state, written by grammY's MongoDB storage adapter: one document per chat.
  await mongoose.connection.db!.collection("conversations").createIndex({ key: 1 }, { unique: true });
  return mongoose.connection;
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

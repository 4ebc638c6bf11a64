import { afterAll, beforeAll, inject } from "vitest";
import { connectDatabase, disconnectDatabase } from "../../src/db/connection.js";
import { freshDbName } from "./app.js";

/** For domain tests that need the database but no bot: a fresh database for this file. */
export function useTestDatabase(label: string): void {
  beforeAll(async () => {
    await connectDatabase(inject("mongoUri"), freshDbName(label));
  });
  afterAll(async () => {
    await disconnectDatabase();
  });
}

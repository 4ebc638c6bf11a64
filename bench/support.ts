import mongoose from "mongoose";
import { connectDatabase, disconnectDatabase } from "../src/db/connection.js";
import { resolveMongoEngine, type MongoEngine } from "../src/db/engine.js";

/**
 * Shared bench plumbing: an engine (MONGODB_URI, else the embedded one), a
 * fresh database, and a counter of database round trips (driver commands),
 * which says more than timings on the offline stand-in, whose non-unique
 * indexes are never used.
 */
export async function openBenchDatabase(label: string): Promise<{ engine: MongoEngine; close(): Promise<void> }> {
  process.env.MONGO_STANDIN_HEAP ??= "3g";
  const engine = await resolveMongoEngine({ mongodbUri: process.env.MONGODB_URI, log: (line) => console.log(line) });
  await connectDatabase(engine.uri, `bench_${label}_${Date.now()}`, { monitorCommands: true });
  const client = mongoose.connection.getClient();
  client.on("commandStarted", (e) => {
    if (counting) commands.push(e.commandName);
  });
  return {
    engine,
    close: async () => {
      await mongoose.connection.db!.dropDatabase();
      await disconnectDatabase();
      await engine.stop();
    },
  };
}

let counting = false;
const commands: string[] = [];

/** Runs `op` and returns its duration in ms and the number of database commands it sent. */
export async function measure<T>(op: () => Promise<T>): Promise<{ ms: number; roundTrips: number; result: T }> {
  commands.length = 0;
  counting = true;
  const started = process.hrtime.bigint();
  const result = await op();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  counting = false;
  return { ms, roundTrips: commands.length, result };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const fmt = (ms: number) => ms.toFixed(1).padStart(8);

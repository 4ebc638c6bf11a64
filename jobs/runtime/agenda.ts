import { MongoBackend } from "@agendajs/mongo-backend";
import { Agenda } from "agenda";
import type { Db } from "mongodb";

/**
 * One Agenda per process on the app's own MongoDB connection. Every process
 * defines the jobs; only worker processes (`PROCESS_ROLE` worker or all)
 * start processing. Agenda's lock on each job document keeps several workers
 * from running the same job at once; the handlers are idempotent for the
 * rare case where a lock expired under a slow worker (docs: Agenda locks).
 */
export function createAgenda(db: Db, processEveryMs: number): Agenda {
  return new Agenda({
    name: `baton-${process.pid}`,
    backend: new MongoBackend({ mongo: db, collection: "agendaJobs" }),
    processEvery: processEveryMs, // a number: the string form was mis-parsed in our measurements
    defaultLockLifetime: 90 * 1000,
  });
}

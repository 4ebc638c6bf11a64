import { MongoBackend } from "@agendajs/mongo-backend";
import { Agenda } from "agenda";
import type { Db } from "mongodb";
import type { JobDeps } from "./context.js";
import type { JobQueue } from "./queue.js";
import { defineBonusAccrual } from "./bonus-accrual.js";
import { defineBonusStatements } from "./bonus-statements.js";
import { defineFollowUpReminder } from "./follow-up-reminder.js";
import { defineExportCsv } from "./export-csv.js";
import { defineImportCheck } from "./import-check.js";
import { defineImportClients } from "./import-clients.js";
import { defineRotationRecompute } from "./rotation-recompute.js";
import { defineRotationRun } from "./rotation-run.js";
import { defineTeamClock, TEAM_CLOCK_JOB } from "./team-clock.js";

/**
 * One Agenda per process on the app's own MongoDB connection. Every process
 * defines the jobs; only worker processes (`PROCESS_ROLE` worker or all)
 * start processing. Agenda's lock on each job document is what keeps several
 * workers from running the same job twice.
 */
export function createAgenda(db: Db, processEveryMs: number): Agenda {
  return new Agenda({
    name: `baton-${process.pid}`,
    backend: new MongoBackend({ mongo: db, collection: "agendaJobs" }),
    processEvery: processEveryMs, // a number: the string form was mis-parsed in our measurements
    defaultLockLifetime: 10 * 60 * 1000,
  });
}

/** Registers every job in this folder; the team clock ticks every minute (one job document for all workers). */
export async function defineJobs(agenda: Agenda, deps: JobDeps): Promise<void> {
  const queue = agendaQueue(agenda);
  defineRotationRun(agenda, deps);
  defineRotationRecompute(agenda, deps);
  defineFollowUpReminder(agenda, deps);
  defineBonusAccrual(agenda, deps);
  defineBonusStatements(agenda, deps);
  defineImportCheck(agenda, deps);
  defineImportClients(agenda, deps);
  defineExportCsv(agenda, deps);
  defineTeamClock(agenda, deps, queue);
  await agenda.every(deps.config.TEAM_CLOCK_INTERVAL, TEAM_CLOCK_JOB);
}

export function agendaQueue(agenda: Agenda): JobQueue {
  const uniqueBy = (name: string, key: Record<string, unknown>) => ({
    name,
    ...Object.fromEntries(Object.entries(key).map(([k, v]) => [`data.${k}`, v])),
  });
  return {
    async enqueue(name, data, once) {
      if (!once) {
        await agenda.now(name, data);
        return;
      }
      // Real time, not the business clock: "as soon as possible" whatever the clock says.
      await agenda.create(name, data).unique(uniqueBy(name, once), { insertOnly: true }).schedule(new Date()).save();
    },
    async schedule(name, at, data, key) {
      await agenda.create(name, data).unique(uniqueBy(name, key)).schedule(at).save();
    },
  };
}

import type { Agenda } from "agenda";
import { parseJobData, uniqueKeyOf, type JobData, type JobName } from "../../src/queue/catalog.js";
import type { JobQueue } from "../../src/queue/job-queue.js";

/**
 * The JobQueue on Agenda. Payloads are validated against the catalog before
 * they are stored. Unique jobs are inserted once per key (`insertOnly`), so a
 * repeated publish (a double tap, a clock tick on two workers) adds nothing.
 */
export function agendaQueue(agenda: Agenda): JobQueue {
  const uniqueQuery = (name: string, key: Record<string, unknown>) => ({
    name,
    ...Object.fromEntries(Object.entries(key).map(([k, v]) => [`data.${k}`, v])),
  });
  return {
    async enqueue<N extends JobName>(name: N, data: JobData<N>) {
      const valid = parseJobData(name, data);
      const key = uniqueKeyOf(name, valid);
      if (!key) {
        await agenda.now(name, valid);
        return;
      }
      // Real time, not the business clock: "as soon as possible" whatever the clock says.
      await agenda.create(name, valid).unique(uniqueQuery(name, key), { insertOnly: true }).schedule(new Date()).save();
    },
    async schedule<N extends JobName>(name: N, at: Date, data: JobData<N>) {
      const valid = parseJobData(name, data);
      const key = uniqueKeyOf(name, valid);
      const job = agenda.create(name, valid);
      if (key) job.unique(uniqueQuery(name, key));
      await job.schedule(at).save();
    },
  };
}

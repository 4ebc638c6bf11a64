import { z } from "zod";

/**
 * Every background job Baton knows: its name, the shape of its payload
 * (validated when it is enqueued and again when a worker picks it up, since a
 * job document may outlive a deploy), and, for jobs that must exist at most
 * once per key, which payload fields make the key.
 *
 * Use cases publish jobs through `JobQueue` (./job-queue.ts) with these names
 * only; `jobs/` defines one handler per name. Nothing else writes job names.
 */

const objectId = z.string().regex(/^[0-9a-f]{24}$/, "must be a 24-hex ObjectId");
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM");
const telegramId = z.number().int().positive();

export const JOB_CATALOG = {
  /** One rotation run of one team: plan once, apply, notify. */
  "rotation.run": {
    schema: z.object({
      teamId: objectId,
      runId: z.string().min(1).max(120),
      kind: z.enum(["nightly", "manual", "deactivation"]),
      /** Deactivation runs: the manager whose clients are handed on. */
      memberId: objectId.optional(),
      /** Telegram id of the director who asked (manual runs, deactivation): gets the summary. */
      requestedBy: telegramId.nullable().optional(),
      /** Manual runs: the run id of the preview the director confirmed, so the run makes the plan shown. */
      seed: z.string().min(1).max(120).optional(),
    }),
    uniqueBy: ["runId"],
  },
  /** After the rotation rules changed: every client's rotation date follows. */
  "rotation.recompute-due": { schema: z.object({ teamId: objectId }) },
  /** A contact's follow-up reminder, due at `dueAt` (a snooze moves it; older jobs become no-ops). */
  "contact.follow-up": {
    schema: z.object({ eventId: objectId, dueAt: z.iso.datetime() }),
    uniqueBy: ["eventId"],
  },
  /** "A deal was recorded": the bonus engine accrues its lines. */
  "deal.recorded": { schema: z.object({ dealId: objectId }), uniqueBy: ["dealId"] },
  /** "A deal was corrected" (amount or profit), once per revision: the bonus engine recomputes its lines. */
  "deal.corrected": { schema: z.object({ dealId: objectId, revision: z.number().int().min(2) }), uniqueBy: ["dealId", "revision"] },
  /** "A deal was deleted": its bonus lines stop counting. */
  "deal.deleted": { schema: z.object({ dealId: objectId }), uniqueBy: ["dealId"] },
  /** Last month's bonus statements of a team. */
  "bonus.statements": { schema: z.object({ teamId: objectId, month }), uniqueBy: ["teamId", "month"] },
  /** One manager's "holdback ended" notice for the uplifts one holdback sweep released or forfeited. */
  "bonus.holdback-notice": {
    schema: z.object({ sweepId: z.string().min(1).max(64), managerId: objectId }),
    uniqueBy: ["sweepId", "managerId"],
  },
  /** Reads an uploaded CSV and shows the preview. */
  "import.check": { schema: z.object({ importId: objectId }) },
  /** Creates the clients of a confirmed import. */
  "import.clients": { schema: z.object({ importId: objectId }) },
  /** A CSV export for the director who asked; `exportId` names the request (its file is sent once). */
  "export.csv": {
    schema: z.object({ exportId: objectId, teamId: objectId, kind: z.enum(["clients", "contacts", "deals"]), chatId: telegramId }),
    uniqueBy: ["exportId"],
  },
  /** A message whose first attempt was deferred (429 beyond the wait cap, 5xx, network): sent again from its record. */
  "outbound.retry": { schema: z.object({ key: z.string().min(1).max(300) }), uniqueBy: ["key"] },
  /** The per-team scheduler (one repeating job for all teams). */
  "team.clock": { schema: z.object({}) },
} as const satisfies Record<string, { schema: z.ZodObject; uniqueBy?: readonly string[] }>;

export type JobName = keyof typeof JOB_CATALOG;
export type JobData<N extends JobName> = z.infer<(typeof JOB_CATALOG)[N]["schema"]>;
export const JOB_NAMES = Object.keys(JOB_CATALOG) as JobName[];

/** Validates a payload for `name`; throws with the job name and the first problem. */
export function parseJobData<N extends JobName>(name: N, data: unknown): JobData<N> {
  // Agenda stores no payload for a job created without one (the repeating team clock).
  const result = JOB_CATALOG[name].schema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new InvalidJobData(name, `${issue.path.join(".") || "(payload)"} ${issue.message}`);
  }
  return result.data as JobData<N>;
}

export class InvalidJobData extends Error {
  constructor(
    readonly job: string,
    readonly problem: string,
  ) {
    super(`invalid payload for job ${job}: ${problem}`);
    this.name = "InvalidJobData";
  }
}

/** The fields that make a job unique, when the catalog says it is (else undefined). */
export function uniqueKeyOf<N extends JobName>(name: N, data: JobData<N>): Record<string, unknown> | undefined {
  const entry = JOB_CATALOG[name] as { uniqueBy?: readonly string[] };
  if (!entry.uniqueBy) return undefined;
  return Object.fromEntries(entry.uniqueBy.map((k) => [k, (data as Record<string, unknown>)[k]]));
}

import type { CountryCode } from "libphonenumber-js";
import { Types } from "mongoose";
import { Team } from "../../teams/team.model.js";
import type { RotationSettings } from "../../teams/team-settings.js";
import { listMembers } from "../../teams/teams.js";
import type { ImportCounts, ImportDoc, ImportFailure } from "./import.model.js";
import { claimImport, findImport, markDone, markFailed, markReported, saveProgress, savePreview } from "./imports.js";
import type { CsvSource } from "./read-csv.js";
import { MAX_IMPORT_ROWS, runImport } from "./run-import.js";
import type { SkippedRows } from "./skipped-rows.js";
import { importOwners, type ImportOwnerChoice } from "./use-cases.js";

export type { ImportCounts };

/**
 * The two import jobs' work on the database: the check (read the file,
 * write nothing but the preview) and the import (create the clients a batch
 * at a time). The jobs download the file, call these and tell the director.
 */

/** An import with what reading its file needs. */
export interface ImportWork {
  imp: ImportDoc;
  team: { _id: Types.ObjectId; country: CountryCode; rotation: RotationSettings };
  /** Every member of the team, former ones too, by id: to say who holds a duplicate. */
  memberNames: Map<string, string>;
}

/** Why the file as a whole could not be used, with what its message shows. */
export interface FileFailure {
  status: "failed";
  failure: ImportFailure;
  line: number | null;
  headers: string[];
}

async function workOn(imp: ImportDoc | null): Promise<ImportWork | null> {
  if (!imp) return null;
  const team = await Team.findById(imp.teamId, { country: 1, settings: 1 }).lean();
  if (!team) return null;
  const members = await listMembers(team._id);
  return {
    imp,
    team: { _id: team._id, country: team.country as CountryCode, rotation: team.settings.rotation },
    memberNames: new Map(members.map((m) => [String(m._id), m.name])),
  };
}

/**
 * The import the check job should read: still being checked, or checked but
 * the job is running again (a retry after a send that failed): the check only
 * reads, and its messages are sent once per import whatever the reruns.
 */
export async function importToCheck(importId: string): Promise<ImportWork | null> {
  const imp = await findImport(new Types.ObjectId(importId));
  return workOn(imp && (imp.status === "checking" || imp.status === "ready") ? imp : null);
}

/** The file could not be downloaded (deleted, expired): the import ends here. */
export async function importDownloadFailed(importId: Types.ObjectId): Promise<void> {
  await markFailed(importId, "check", "download");
}

/**
 * Reads the file without writing a client: column mapping, counts, the first
 * problems (and, through `hooks`, every row left out). The import becomes
 * "ready" with its preview, or "failed" with the reason. "gone": it was
 * cancelled or confirmed meanwhile.
 */
export async function checkImportFile(
  work: ImportWork,
  source: CsvSource,
  skipped: SkippedRows,
): Promise<FileFailure | { status: "ready"; imp: ImportDoc; owners: ImportOwnerChoice[] } | { status: "gone" }> {
  const { imp, team } = work;
  const result = await runImport(
    source,
    { importId: imp._id, teamId: team._id, country: team.country, memberNames: work.memberNames, maxRows: MAX_IMPORT_ROWS },
    skipped.hooks(),
  );
  if (!result.ok) {
    await markFailed(imp._id, "check", result.failure, result.line);
    return { status: "failed", failure: result.failure, line: result.line, headers: result.headers ?? [] };
  }
  const checked = await savePreview(imp._id, {
    delimiter: result.delimiter,
    columns: result.mapping.columns,
    preview: result.counts,
    samples: skipped.samples,
  });
  if (!checked) return { status: "gone" };
  return { status: "ready", imp: checked, owners: await importOwners(team._id) };
}

/**
 * The import the import job should run: queued (taken now), or importing /
 * done but not reported (a worker died: the rerun finds its clients already
 * there and finishes the report).
 */
export async function importToRun(importId: string): Promise<ImportWork | null> {
  const imp = await claimImport(new Types.ObjectId(importId));
  return workOn(imp?.confirmedAt ? imp : null);
}

/**
 * Creates the clients of a confirmed import, a batch at a time, saving the
 * running totals after each batch. Idempotent: each client's id is derived
 * from (import, row) and written with $setOnInsert, and duplicate checks skip
 * this import's own clients, so a rerun judges every row as the first run did.
 */
export async function importClientsFromFile(input: {
  work: ImportWork;
  source: CsvSource;
  skipped: SkippedRows;
  /** After each batch is written and its totals saved (progress, the job's lock). */
  onBatch(counts: ImportCounts): Promise<void>;
  now: Date;
}): Promise<FileFailure | { status: "done"; counts: ImportCounts; owner: string | null }> {
  const { work, source, skipped } = input;
  const { imp, team } = work;
  const result = await runImport(
    source,
    {
      importId: imp._id,
      teamId: team._id,
      country: team.country,
      memberNames: work.memberNames,
      write: { ownerId: imp.ownerId, now: imp.confirmedAt!, rotation: team.rotation },
    },
    {
      ...skipped.hooks(),
      onBatch: async (counts) => {
        await saveProgress(imp._id, counts);
        await input.onBatch(counts);
      },
    },
  );
  if (!result.ok) {
    // The preview read this very file, so this is rare (a file changed behind the same id?).
    await markFailed(imp._id, "import", result.failure, result.line);
    return { status: "failed", failure: result.failure, line: result.line, headers: result.headers ?? [] };
  }
  await markDone(imp._id, result.counts, input.now);
  const owner = imp.ownerId ? (work.memberNames.get(String(imp.ownerId)) ?? "?") : null;
  return { status: "done", counts: result.counts, owner };
}

/** The report was delivered: a later run of the job does nothing. */
export async function importReported(importId: Types.ObjectId, now: Date): Promise<void> {
  await markReported(importId, now);
}

/**
 * A job gave up on this import (its retries ran out): if that job's stage was
 * still running, the import is marked failed and returned with how far it
 * got, for the director's message; else null (nothing to tell).
 */
export async function abandonImport(importId: string, stage: "check" | "import"): Promise<ImportDoc | null> {
  const id = new Types.ObjectId(importId);
  await markFailed(id, stage, "error");
  const imp = await findImport(id);
  return imp?.status === "failed" && imp.failure === "error" ? imp : null;
}

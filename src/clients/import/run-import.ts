import { createHash } from "node:crypto";
import type { CountryCode } from "libphonenumber-js";
import { Types } from "mongoose";
import type { RotationSettings } from "../../teams/team-settings.js";
import { ClientEvent } from "../client-event.model.js";
import { Client } from "../client.model.js";
import { newClientDocument, type NewClient } from "../create-client.js";
import { nameKey } from "../name-key.js";
import { mapColumns, type ColumnMapping } from "./columns.js";
import { findTeamCandidates, KeyIndex, type DedupeKeys, type TeamCandidate } from "./dedupe.js";
import type { ImportCounts, ImportFailure, RowProblem } from "./import.model.js";
import { CsvReadError, openCsv, type CsvRow, type CsvSource } from "./read-csv.js";
import { parseRow } from "./rows.js";

/** Rows per round trip: one duplicate query and two bulk writes per batch. */
export const IMPORT_BATCH = 1000;
/** A preview refuses bigger files; 100,000 rows is ~10 MB, half of what the Bot API lets a bot download. */
export const MAX_IMPORT_ROWS = 100_000;

/**
 * The id of the client made from one row of one import. Derived, not random:
 * a rerun after a crash computes the same ids, and the upserts find the
 * clients already there instead of creating them twice.
 */
export function importedClientId(importId: Types.ObjectId, row: number): Types.ObjectId {
  return new Types.ObjectId(createHash("sha256").update(`import:${String(importId)}:${row}`).digest("hex").slice(0, 24));
}

export interface ImportTarget {
  importId: Types.ObjectId;
  teamId: Types.ObjectId;
  country: CountryCode | undefined;
  /** Member id → name, to say who holds a duplicate. */
  memberNames: ReadonlyMap<string, string>;
  /** Absent for the preview (nothing is written). */
  write?: {
    ownerId: Types.ObjectId | null;
    /** The import's confirmation time: every client's createdAt, identical on a rerun. */
    now: Date;
    rotation: RotationSettings;
  };
  maxRows?: number;
  batchSize?: number;
}

export interface ImportHooks {
  onStart?(table: { header: string[]; delimiter: string; mapping: ColumnMapping }): Promise<void> | void;
  /** Every row not imported, in file order, with its cells. */
  onProblem?(problem: RowProblem, cells: string[]): Promise<void> | void;
  /** After each batch is written. */
  onBatch?(counts: ImportCounts): Promise<void> | void;
}

export type ImportRun =
  | { ok: true; counts: ImportCounts; mapping: ColumnMapping; delimiter: string }
  | { ok: false; failure: ImportFailure; line: number | null; headers?: string[] };

interface Pending {
  row: CsvRow;
  client: NewClient;
  keys: DedupeKeys;
}

/**
 * Reads a CSV stream and judges every row: bad (with the reason), a
 * duplicate of an earlier row of the file, a duplicate of a client the team
 * already has, or new. With `write`, new rows become clients (and their
 * "created" history entries) a batch at a time. Memory holds one batch plus
 * the keys of the rows seen so far, whatever the file's size.
 */
export async function runImport(source: CsvSource, target: ImportTarget, hooks: ImportHooks = {}): Promise<ImportRun> {
  const counts: ImportCounts = { rows: 0, valid: 0, bad: 0, duplicates: 0 };
  try {
    const table = await openCsv(source);
    const mapping = mapColumns(table.header);
    if (!mapping.fields.name) {
      await table.rows.return(undefined);
      return { ok: false, failure: "no-name-column", line: null, headers: table.header };
    }
    await hooks.onStart?.({ header: table.header, delimiter: table.delimiter, mapping });

    const fileIndex = new KeyIndex<number>();
    const size = target.batchSize ?? IMPORT_BATCH;
    let batch: CsvRow[] = [];
    for await (const row of table.rows) {
      counts.rows++;
      if (target.maxRows !== undefined && counts.rows > target.maxRows) {
        await table.rows.return(undefined);
        return { ok: false, failure: "too-many-rows", line: null };
      }
      batch.push(row);
      if (batch.length >= size) {
        await processBatch(batch, mapping, fileIndex, target, counts, hooks);
        batch = [];
      }
    }
    if (batch.length > 0) await processBatch(batch, mapping, fileIndex, target, counts, hooks);
    if (counts.rows === 0) return { ok: false, failure: "empty", line: null };
    return { ok: true, counts, mapping, delimiter: table.delimiter };
  } catch (err) {
    if (err instanceof CsvReadError) return { ok: false, failure: err.code, line: err.line ?? null };
    throw err;
  }
}

async function processBatch(
  batch: CsvRow[],
  mapping: ColumnMapping,
  fileIndex: KeyIndex<number>,
  target: ImportTarget,
  counts: ImportCounts,
  hooks: ImportHooks,
): Promise<void> {
  const problems: { problem: RowProblem; cells: string[] }[] = [];
  const pending: Pending[] = [];
  for (const row of batch) {
    const parsed = parseRow(row.cells, mapping, target.country);
    if (!parsed.ok) {
      problems.push({ problem: { row: row.row, kind: "bad", code: parsed.error.code, detail: parsed.error.detail ?? null }, cells: row.cells });
      continue;
    }
    const keys = { phones: parsed.value.phones, email: parsed.value.email, nameKey: nameKey(parsed.value.name) };
    const earlier = fileIndex.find(keys);
    if (earlier) {
      problems.push({ problem: { row: row.row, kind: "file", code: earlier.reason, ofRow: earlier.value }, cells: row.cells });
      continue;
    }
    fileIndex.add(keys, row.row);
    pending.push({ row, client: parsed.value, keys });
  }

  const candidates = await findTeamCandidates(
    target.teamId,
    pending.map((p) => p.keys),
    { skipCreatedAt: target.write?.now },
  );
  const teamIndex = new KeyIndex<TeamCandidate>();
  for (const c of candidates) teamIndex.add({ phones: c.phones, email: c.email ?? null, nameKey: c.nameKey }, c);
  const fresh: Pending[] = [];
  for (const p of pending) {
    const match = teamIndex.find(p.keys);
    if (!match) {
      fresh.push(p);
      continue;
    }
    const holder = match.value.ownerId ? (target.memberNames.get(String(match.value.ownerId)) ?? "?") : null;
    problems.push({
      problem: { row: p.row.row, kind: "team", code: match.reason, clientName: match.value.name, holder },
      cells: p.row.cells,
    });
  }

  if (target.write) await writeClients(fresh, target, target.write);
  counts.valid += fresh.length;
  for (const { problem } of problems) counts[problem.kind === "bad" ? "bad" : "duplicates"]++;
  problems.sort((a, b) => a.problem.row - b.problem.row);
  for (const { problem, cells } of problems) await hooks.onProblem?.(problem, cells);
  await hooks.onBatch?.({ ...counts });
}

/**
 * Upserts keyed by the derived ids, with $setOnInsert: writing a batch again
 * changes nothing. Each client gets its "created" history entry (same id,
 * no actor: the system imported it) in the same batch.
 */
async function writeClients(rows: Pending[], target: ImportTarget, write: NonNullable<ImportTarget["write"]>): Promise<void> {
  if (rows.length === 0) return;
  const docs = rows.map((p) =>
    newClientDocument({
      id: importedClientId(target.importId, p.row.row),
      teamId: target.teamId,
      ownerId: write.ownerId,
      client: p.client,
      now: write.now,
      reason: "imported",
      rotation: write.rotation,
    }),
  );
  await Client.bulkWrite(
    docs.map((doc) => ({ updateOne: { filter: { _id: doc._id }, update: { $setOnInsert: doc }, upsert: true } })),
    { ordered: false },
  );
  await ClientEvent.bulkWrite(
    docs.map((doc) => ({
      updateOne: {
        filter: { _id: doc._id },
        update: {
          $setOnInsert: {
            teamId: target.teamId,
            clientId: doc._id,
            kind: "created" as const,
            at: write.now,
            actorId: null,
            data: { importId: String(target.importId) },
          },
        },
        upsert: true,
      },
    })),
    { ordered: false },
  );
}

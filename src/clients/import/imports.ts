import { Types } from "mongoose";
import type { ImportField } from "./columns.js";
import { Import, type ImportCounts, type ImportDoc, type ImportFailure, type ImportStatus, type RowProblem } from "./import.model.js";

/**
 * The life of one uploaded file. Every step is one conditional update on the
 * import document, so a double tap, a stale button or a rerun job finds the
 * import in another state and does nothing.
 */

export async function createImport(
  input: Pick<ImportDoc, "teamId" | "uploadedBy" | "chatId" | "fileId" | "fileName" | "fileSize"> & { now: Date },
): Promise<ImportDoc> {
  const doc = await Import.create({ ...input, status: "checking", createdAt: input.now });
  return doc.toObject();
}

/** An import of this team only: ids from button payloads are never trusted across teams. */
export async function findTeamImport(teamId: Types.ObjectId, importId: string): Promise<ImportDoc | null> {
  if (!Types.ObjectId.isValid(importId)) return null;
  return Import.findOne({ _id: new Types.ObjectId(importId), teamId }).lean();
}

/** An import by id (the jobs: their payloads were written by the use cases). */
export async function findImport(importId: Types.ObjectId): Promise<ImportDoc | null> {
  return Import.findById(importId).lean();
}

/** The preview's findings; "ready" again when the check runs again (a retry after a failed send). */
export async function savePreview(
  importId: Types.ObjectId,
  result: { delimiter: string; columns: { header: string; field: ImportField | null }[]; preview: ImportCounts; samples: RowProblem[] },
): Promise<ImportDoc | null> {
  return Import.findOneAndUpdate(
    { _id: importId, status: { $in: ["checking", "ready"] } },
    { $set: { ...result, status: "ready" } },
    { returnDocument: "after" },
  ).lean();
}

/** Checking (or checked) files fail in the check; confirmed ones in the import. */
const RUNNING: Record<"check" | "import", ImportStatus[]> = { check: ["checking", "ready"], import: ["queued", "importing"] };

export async function markFailed(importId: Types.ObjectId, stage: "check" | "import", failure: ImportFailure, line: number | null = null): Promise<void> {
  await Import.updateOne(
    { _id: importId, status: { $in: RUNNING[stage] } },
    { $set: { status: "failed", failure, failureLine: line } },
  );
}

/** The director's confirmation: ready → queued, once. Returns null when it was confirmed or cancelled already. */
export async function markQueued(input: {
  teamId: Types.ObjectId;
  importId: Types.ObjectId;
  ownerId: Types.ObjectId | null;
  confirmedBy: Types.ObjectId;
  now: Date;
  messageId: number | null;
}): Promise<ImportDoc | null> {
  return Import.findOneAndUpdate(
    { _id: input.importId, teamId: input.teamId, status: "ready" },
    { $set: { status: "queued", ownerId: input.ownerId, confirmedBy: input.confirmedBy, confirmedAt: input.now, messageId: input.messageId } },
    { returnDocument: "after" },
  ).lean();
}

export async function markCancelled(teamId: Types.ObjectId, importId: Types.ObjectId): Promise<boolean> {
  const result = await Import.updateOne({ _id: importId, teamId, status: "ready" }, { $set: { status: "cancelled" } });
  return result.modifiedCount === 1;
}

/** The import job taking (or, after a crash, retaking) its import; null when there is nothing left to do. */
export async function claimImport(importId: Types.ObjectId): Promise<ImportDoc | null> {
  await Import.updateOne({ _id: importId, status: "queued" }, { $set: { status: "importing" } });
  // "done" but not reported: the job stopped between the two; running again rebuilds the report.
  return Import.findOne({ _id: importId, status: { $in: ["importing", "done"] }, reportedAt: null }).lean();
}

export async function saveProgress(importId: Types.ObjectId, progress: ImportCounts): Promise<void> {
  await Import.updateOne({ _id: importId, status: "importing" }, { $set: { progress } });
}

export async function markDone(importId: Types.ObjectId, progress: ImportCounts, now: Date): Promise<void> {
  await Import.updateOne({ _id: importId, status: { $in: ["importing", "done"] } }, { $set: { status: "done", progress, finishedAt: now } });
}

export async function markReported(importId: Types.ObjectId, now: Date): Promise<void> {
  await Import.updateOne({ _id: importId, reportedAt: null }, { $set: { reportedAt: now } });
}

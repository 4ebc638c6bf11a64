import { Schema, model, type Types } from "mongoose";
import type { DuplicateReason } from "../duplicates.js";
import { IMPORT_FIELDS, type ImportField } from "./columns.js";
import type { RowErrorCode } from "./rows.js";

/**
 * checking → ready → queued → importing → done, or failed / cancelled.
 * "checking" is the preview job reading the file; "queued" is set by the
 * director's confirmation, exactly once (a conditional update), and only then
 * is the import job enqueued.
 */
export const IMPORT_STATUSES = ["checking", "ready", "failed", "cancelled", "queued", "importing", "done"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** Why the file as a whole was refused; each has an `import-file-<code>` text. */
export const IMPORT_FAILURES = ["not-text", "empty", "broken", "no-name-column", "too-many-rows", "download", "error"] as const;
export type ImportFailure = (typeof IMPORT_FAILURES)[number];

/** A row that was not imported, kept for the preview and report messages (the full list goes into a CSV). */
export type RowProblem =
  | { row: number; kind: "bad"; code: RowErrorCode; detail: string | null }
  /** Same phone, email or a similar name as an earlier row (`ofRow`) of the file. */
  | { row: number; kind: "file"; code: DuplicateReason; ofRow: number }
  /** The team already has the client; `holder` is the owner's name, null for the free pool. */
  | { row: number; kind: "team"; code: DuplicateReason; clientName: string; holder: string | null };

export interface ImportCounts {
  /** Non-empty data rows. */
  rows: number;
  /** Rows that become (or became) new clients. */
  valid: number;
  bad: number;
  duplicates: number;
}

export interface ImportDoc {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  /** The director who uploaded it, and the chat the preview and report go to. */
  uploadedBy: Types.ObjectId;
  chatId: number;
  fileId: string;
  fileName: string;
  fileSize: number;
  status: ImportStatus;
  failure: ImportFailure | null;
  /** The line a broken file stopped at. */
  failureLine: number | null;
  delimiter: string | null;
  columns: { header: string; field: ImportField | null }[];
  /** What the preview found; `samples` are the first problems, for the messages. */
  preview: ImportCounts | null;
  samples: RowProblem[];
  ownerId: Types.ObjectId | null;
  confirmedBy: Types.ObjectId | null;
  /** The creation time stamped on every client of this import: the same on a rerun, so documents come out identical. */
  confirmedAt: Date | null;
  /** Running totals while importing, the final ones when done. */
  progress: ImportCounts | null;
  /** The preview message, edited with progress once the import runs. */
  messageId: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  reportedAt: Date | null;
}

const countsSchema = new Schema<ImportCounts>(
  {
    rows: { type: Number, required: true },
    valid: { type: Number, required: true },
    bad: { type: Number, required: true },
    duplicates: { type: Number, required: true },
  },
  { _id: false },
);

const importSchema = new Schema<ImportDoc>(
  {
    teamId: { type: Schema.Types.ObjectId, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, required: true },
    chatId: { type: Number, required: true },
    fileId: { type: String, required: true },
    fileName: { type: String, required: true },
    fileSize: { type: Number, required: true },
    status: { type: String, required: true, enum: IMPORT_STATUSES },
    failure: { type: String, enum: [...IMPORT_FAILURES, null], default: null },
    failureLine: { type: Number, default: null },
    delimiter: { type: String, default: null },
    columns: {
      type: [{ _id: false, header: String, field: { type: String, enum: [...IMPORT_FIELDS, null], default: null } }],
      default: [],
    },
    preview: { type: countsSchema, default: null },
    samples: { type: Schema.Types.Mixed, default: () => [] },
    ownerId: { type: Schema.Types.ObjectId, default: null },
    confirmedBy: { type: Schema.Types.ObjectId, default: null },
    confirmedAt: { type: Date, default: null },
    progress: { type: countsSchema, default: null },
    messageId: { type: Number, default: null },
    createdAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    reportedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: "imports" },
);

// A team's imports, newest first (every lookup from a button also checks the team).
importSchema.index({ teamId: 1, createdAt: -1 });

export const Import = model<ImportDoc>("Import", importSchema);

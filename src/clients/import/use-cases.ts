import type { Types } from "mongoose";
import type { JobQueue } from "../../queue/job-queue.js";
import { fail, ok, type Result } from "../../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../../teams/actor.js";
import { listMembers } from "../../teams/teams.js";
import type { ImportDoc } from "./import.model.js";
import { createImport, findTeamImport, markCancelled, markQueued } from "./imports.js";

/**
 * What a director does with a CSV import: upload a file, look at the
 * preview, pick whose clients the new ones will be, confirm or cancel. Each
 * function re-checks that the asker is still an active director of the team,
 * looks the import up within that team only, and lets the import's state
 * decide whether a (possibly stale) button still means anything. Reading the
 * file and writing the clients happen in jobs (import.check, import.clients).
 */

/** What the Bot API lets a bot download (getFile refuses bigger files). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

const CSV_EXTENSIONS = new Set(["csv", "tsv", "txt"]);
const CSV_TYPES = new Set([
  "text/csv",
  "text/plain",
  "text/comma-separated-values",
  "text/tab-separated-values",
  "text/x-csv",
  "application/csv",
]);

/** By name first: Windows labels .csv files "application/vnd.ms-excel", the same as real .xls files. */
export function looksLikeCsv(fileName: string | undefined, mimeType: string | undefined): boolean {
  const ext = /\.([^.]+)$/.exec(fileName ?? "")?.[1]?.toLowerCase();
  if (ext) return CSV_EXTENSIONS.has(ext);
  return CSV_TYPES.has((mimeType ?? "").toLowerCase());
}

/** Why a button of an import means nothing any more. */
export type ImportRefusal = ActorRefusal | "not-found" | "cancelled" | "started";

/** Who may receive imported clients: an active manager of the team (or nobody: the free pool). */
export interface ImportOwnerChoice {
  _id: Types.ObjectId;
  name: string;
}

/** The chosen owner: a manager, or `id: null` for the team's free pool. */
export interface ImportOwner {
  id: Types.ObjectId | null;
  name: string | null;
}

/** The team's active managers by name: the owner buttons of the preview, in the same order every time. */
export async function importOwners(teamId: Types.ObjectId): Promise<ImportOwnerChoice[]> {
  return (await listMembers(teamId))
    .filter((m) => m.role === "manager" && m.active)
    .map((m) => ({ _id: m._id, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * A director sent a document: if it can be a CSV a bot may download, the
 * import is recorded ("checking") and the check job reads it.
 */
export async function startImport(input: {
  actor: ActorRef;
  chatId: number;
  file: { fileId: string; fileName: string | undefined; mimeType: string | undefined; size: number | undefined };
  now: Date;
  jobs: JobQueue;
}): Promise<Result<ImportDoc, ActorRefusal | "not-csv" | "empty" | "too-big">> {
  const actor = await checkActor(input.actor, ["director"]);
  if (!actor.ok) return actor;
  const { file } = input;
  if (!looksLikeCsv(file.fileName, file.mimeType)) return fail("not-csv");
  if (file.size === 0) return fail("empty");
  if ((file.size ?? 0) > MAX_IMPORT_BYTES) return fail("too-big");
  const imp = await createImport({
    teamId: actor.value.teamId,
    uploadedBy: actor.value._id,
    chatId: input.chatId,
    fileId: file.fileId,
    fileName: file.fileName ?? "clients.csv",
    fileSize: file.size ?? 0,
    now: input.now,
  });
  await input.jobs.enqueue("import.check", { importId: String(imp._id) });
  return ok(imp);
}

/** The import named by a button, if it is the actor's team's and still waiting for the director. */
async function readyImport(actor: ActorRef, importId: string): Promise<Result<{ imp: ImportDoc; teamId: Types.ObjectId; memberId: Types.ObjectId }, ImportRefusal>> {
  const checked = await checkActor(actor, ["director"]);
  if (!checked.ok) return checked;
  const imp = await findTeamImport(checked.value.teamId, importId);
  if (!imp) return fail("not-found");
  if (imp.status === "cancelled") return fail("cancelled");
  if (imp.status !== "ready") return fail("started");
  return ok({ imp, teamId: checked.value.teamId, memberId: checked.value._id });
}

/** "Pool" (null) or an active manager of this team; anything else (a director, deactivated meanwhile, elsewhere) is refused. */
async function ownerOf(teamId: Types.ObjectId, ownerId: string | null): Promise<ImportOwner | null> {
  if (ownerId === null) return { id: null, name: null };
  const manager = (await importOwners(teamId)).find((m) => String(m._id) === ownerId);
  return manager ? { id: manager._id, name: manager.name } : null;
}

/** The preview again (Back, or another page of owner buttons), with today's active managers. */
export async function reviewImport(input: {
  actor: ActorRef;
  importId: string;
}): Promise<Result<{ imp: ImportDoc; owners: ImportOwnerChoice[] }, ImportRefusal>> {
  const ready = await readyImport(input.actor, input.importId);
  if (!ready.ok) return ready;
  return ok({ imp: ready.value.imp, owners: await importOwners(ready.value.teamId) });
}

/** The director picked an owner: what the confirmation will say. Nothing is written. */
export async function chooseImportOwner(input: {
  actor: ActorRef;
  importId: string;
  ownerId: string | null;
}): Promise<Result<{ imp: ImportDoc; owner: ImportOwner }, ImportRefusal | "owner-gone">> {
  const ready = await readyImport(input.actor, input.importId);
  if (!ready.ok) return ready;
  const owner = await ownerOf(ready.value.teamId, input.ownerId);
  if (!owner) return fail("owner-gone");
  return ok({ imp: ready.value.imp, owner });
}

/**
 * The director confirmed: ready → queued exactly once (a double tap finds it
 * queued), then the import job creates the clients. `messageId` is the
 * preview message, which shows the progress while the job runs.
 */
export async function confirmImport(input: {
  actor: ActorRef;
  importId: string;
  ownerId: string | null;
  messageId: number | null;
  now: Date;
  jobs: JobQueue;
}): Promise<Result<{ imp: ImportDoc; owner: ImportOwner }, ImportRefusal | "owner-gone">> {
  const ready = await readyImport(input.actor, input.importId);
  if (!ready.ok) return ready;
  const { imp, teamId, memberId } = ready.value;
  const owner = await ownerOf(teamId, input.ownerId);
  if (!owner) return fail("owner-gone");
  const queued = await markQueued({ teamId, importId: imp._id, ownerId: owner.id, confirmedBy: memberId, now: input.now, messageId: input.messageId });
  if (!queued) return fail("started");
  await input.jobs.enqueue("import.clients", { importId: String(imp._id) });
  return ok({ imp: queued, owner });
}

/** The director cancelled before confirming: nothing was saved, and nothing will be. */
export async function cancelImport(input: { actor: ActorRef; importId: string }): Promise<Result<ImportDoc, ImportRefusal>> {
  const ready = await readyImport(input.actor, input.importId);
  if (!ready.ok) return ready;
  if (!(await markCancelled(ready.value.teamId, ready.value.imp._id))) return fail("started");
  return ok({ ...ready.value.imp, status: "cancelled" });
}

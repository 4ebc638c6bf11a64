import { Types } from "mongoose";
import type { JobQueue } from "../../queue/job-queue.js";
import dayjs from "../../shared/dayjs.js";
import { ok, type Result } from "../../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../../teams/actor.js";
import { Team } from "../../teams/team.model.js";
import { listMembers } from "../../teams/teams.js";
import { CsvFile } from "./csv-file.js";
import { exportRows } from "./export-rows.js";
import { EXPORT_COLUMNS, type ExportColumn, type ExportKind, type ExportLabels } from "./rows.js";

/**
 * A director asks for a CSV of the team's clients, contacts or deals: the
 * request gets its own id (the file and any failure notice are sent once per
 * id) and the export job writes and sends the file.
 */
export async function requestExport(input: {
  actor: ActorRef;
  kind: ExportKind;
  /** Where the file goes: the director's chat. */
  chatId: number;
  jobs: JobQueue;
}): Promise<Result<{ exportId: string }, ActorRefusal>> {
  const actor = await checkActor(input.actor, ["director"]);
  if (!actor.ok) return actor;
  const exportId = String(new Types.ObjectId());
  await input.jobs.enqueue("export.csv", { exportId, teamId: String(actor.value.teamId), kind: input.kind, chatId: input.chatId });
  return ok({ exportId });
}

/** A finished export on disk; `remove()` deletes it (safe to call twice). */
export interface ExportFile {
  path: string;
  name: string;
  rows: number;
  teamName: string;
  /** The team's local date, as in the file name. */
  date: string;
  remove(): Promise<void>;
}

/**
 * Streams the team's clients, contacts or deals from a database cursor into
 * a temporary CSV file (memory stays flat whatever the team's size). Reading
 * changes nothing, so writing it again after a crash is harmless. Null when
 * the team is gone.
 */
export async function writeExport(input: {
  teamId: string;
  kind: ExportKind;
  now: Date;
  /** Column titles and words in the director's language. */
  title(column: ExportColumn): string;
  labels: ExportLabels;
}): Promise<ExportFile | null> {
  const { kind } = input;
  const team = await Team.findById(new Types.ObjectId(input.teamId), { name: 1, timezone: 1 }).lean();
  if (!team) return null;
  // Former members too: their names stay on old contacts and deals.
  const members = await listMembers(team._id);
  const ctx = { timezone: team.timezone, members: new Map(members.map((m) => [String(m._id), m.name])), labels: input.labels };
  const date = dayjs(input.now).tz(team.timezone).format("YYYY-MM-DD");
  const name = `${kind}-${date}.csv`;
  const file = await CsvFile.create(name, EXPORT_COLUMNS[kind].map((c) => input.title(c)));
  try {
    for await (const row of exportRows(kind, team._id, ctx)) await file.write(row);
    await file.close();
  } catch (err) {
    await file.remove();
    throw err;
  }
  return { path: file.path, name, rows: file.rows, teamName: team.name, date, remove: () => file.remove() };
}

import { ok, type Result } from "../shared/result.js";
import { checkActor, type ActorRef, type ActorRefusal } from "../teams/actor.js";
import { RotationRun, type RunKind } from "./rotation-run.model.js";

/** Past runs per page of the history. */
export const RUNS_PER_PAGE = 10;

export interface PastRun {
  kind: RunKind;
  plannedAt: Date;
  moved: number;
  skipped: number;
}

export interface PastRunsPage {
  runs: PastRun[];
  page: number;
  pages: number;
}

/** The team's runs, newest first, a page at a time (directors). Only counts are read, not the moves. */
export async function pastRuns(input: { actor: ActorRef; page: number }): Promise<Result<PastRunsPage, ActorRefusal>> {
  const checked = await checkActor(input.actor, ["director"]);
  if (!checked.ok) return checked;
  const teamId = checked.value.teamId;
  const total = await RotationRun.countDocuments({ teamId });
  const pages = Math.max(1, Math.ceil(total / RUNS_PER_PAGE));
  const page = Math.min(Math.max(0, Math.trunc(input.page)), pages - 1);
  const rows = await RotationRun.aggregate<{ kind: RunKind; plannedAt: Date; moves: number; skipped: number }>([
    { $match: { teamId } },
    { $sort: { plannedAt: -1 } },
    { $skip: page * RUNS_PER_PAGE },
    { $limit: RUNS_PER_PAGE },
    { $project: { kind: 1, plannedAt: 1, moves: { $size: "$moves" }, skipped: { $size: "$skipped" } } },
  ]);
  return ok({
    runs: rows.map((r) => ({ kind: r.kind, plannedAt: r.plannedAt, moved: r.moves - r.skipped, skipped: r.skipped })),
    page,
    pages,
  });
}

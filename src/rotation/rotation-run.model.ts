import { Schema, model, type Types } from "mongoose";
import type { ManagerTally, PlanNote } from "./types.js";

export const RUN_KINDS = ["nightly", "manual", "deactivation"] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** One planned move, with what the client looked like when planned (a changed client is skipped). */
export interface StoredMove {
  clientId: Types.ObjectId;
  fromId: Types.ObjectId | null;
  toId: Types.ObjectId;
  reason: "never-bought" | "lapsed" | "manager-deactivated" | "pool-top-up";
  expectDealCount: number;
  /** The client's rotation due date once moved (computed at planning from the run's time). */
  rotationDueAt: Date;
}

/**
 * A rotation run of one team. `_id` names the run and the period
 * (`<team>:<local date>` for the nightly run), so planning twice, or on two
 * workers, yields one run; the plan is stored, so a crashed run is finished
 * with exactly the moves it started with. What a run told whom is in the
 * deliveries (`rotation.notice:<run>:<member>`, `rotation.summary:<run>:<chat>`).
 */
export interface RotationRunDoc {
  _id: string;
  teamId: Types.ObjectId;
  kind: RunKind;
  /** The run's time: assignedAt of every moved client, start of report deadlines. */
  plannedAt: Date;
  reportDueAt: Date;
  moves: StoredMove[];
  perManager: Record<string, ManagerTally>;
  unplacedCount: number;
  notes: PlanNote[];
  appliedAt?: Date | null;
  /** Moves that found the client changed since planning (new owner, new deal, lost). */
  skipped: Types.ObjectId[];
  /** Who started a manual run or the deactivation, to send the summary to. */
  requestedBy?: number | null;
}

const moveSchema = new Schema<StoredMove>(
  {
    clientId: { type: Schema.Types.ObjectId, required: true },
    fromId: { type: Schema.Types.ObjectId, default: null },
    toId: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, required: true },
    expectDealCount: { type: Number, required: true },
    rotationDueAt: { type: Date, required: true },
  },
  { _id: false },
);

const runSchema = new Schema<RotationRunDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true, enum: RUN_KINDS },
    plannedAt: { type: Date, required: true },
    reportDueAt: { type: Date, required: true },
    moves: { type: [moveSchema], default: [] },
    perManager: { type: Schema.Types.Mixed, default: {} },
    unplacedCount: { type: Number, default: 0 },
    notes: { type: Schema.Types.Mixed, default: [] },
    appliedAt: { type: Date, default: null },
    skipped: { type: [Schema.Types.ObjectId], default: [] },
    requestedBy: { type: Number, default: null },
  },
  { versionKey: false, minimize: false },
);
runSchema.index({ teamId: 1, plannedAt: -1 });

export const RotationRun = model<RotationRunDoc>("RotationRun", runSchema);

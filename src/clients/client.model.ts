import { Schema, model, type Types } from "mongoose";

export const CLIENT_KINDS = ["b2b", "b2c"] as const;
export const CLIENT_STATUSES = ["active", "lost"] as const;
export const OWNERSHIP_REASONS = [
  "created",
  "imported",
  "never-bought",
  "lapsed",
  "manager-deactivated",
  "manual",
  "pool-top-up",
] as const;
export type OwnershipReason = (typeof OWNERSHIP_REASONS)[number];

/** One change of owner; `ownerId: null` means the client went to the team's free pool. */
export interface OwnershipEntry {
  ownerId: Types.ObjectId | null;
  fromId: Types.ObjectId | null;
  reason: OwnershipReason;
  at: Date;
}

/**
 * A company or person the team sells to. The history (contacts, deals,
 * rotations) hangs off the client, not off the manager, so it moves with the
 * client when the owner changes.
 */
export interface ClientDoc {
  _id: Types.ObjectId;
  teamId: Types.ObjectId;
  name: string;
  /** Lower-cased, punctuation-free name for duplicate checks and search. */
  nameKey: string;
  kind: (typeof CLIENT_KINDS)[number];
  keyAccount: boolean;
  phones: string[];
  email?: string | null;
  contactPerson?: string | null;
  source?: string | null;
  tags: string[];
  notes?: string | null;
  ownerId: Types.ObjectId | null;
  assignedAt: Date;
  acquiredBy: Types.ObjectId | null;
  createdAt: Date;
  firstDealAt?: Date | null;
  lastDealAt?: Date | null;
  dealCount: number;
  status: (typeof CLIENT_STATUSES)[number];
  lostReason?: string | null;
  lostAt?: Date | null;
  pinned: boolean;
  ownership: OwnershipEntry[];
  /**
   * When the rotation rules will next make this client eligible (null: never,
   * e.g. pinned, lost or in the pool). Derived from assignedAt, lastDealAt and
   * the team's rules, stored so lists can sort and page by it in the database.
   */
  rotationDueAt: Date | null;
  /** Last contact or deal: orders the "recent clients" buttons. */
  lastActivityAt: Date;
  /** The last deal request counted into dealCount (makes recording a deal idempotent). */
  lastDealRequestId?: string | null;
  /** The rotation run that last moved this client (tells a finished move from a skipped one on rerun). */
  lastRotationRunId?: string | null;
}

const ownershipSchema = new Schema<OwnershipEntry>(
  {
    ownerId: { type: Schema.Types.ObjectId, default: null },
    fromId: { type: Schema.Types.ObjectId, default: null },
    reason: { type: String, required: true, enum: OWNERSHIP_REASONS },
    at: { type: Date, required: true },
  },
  { _id: false },
);

const clientSchema = new Schema<ClientDoc>(
  {
    teamId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    nameKey: { type: String, required: true },
    kind: { type: String, required: true, enum: CLIENT_KINDS },
    keyAccount: { type: Boolean, default: false },
    phones: { type: [String], default: [] },
    email: { type: String, default: null },
    contactPerson: { type: String, default: null },
    source: { type: String, default: null },
    tags: { type: [String], default: [] },
    notes: { type: String, default: null },
    ownerId: { type: Schema.Types.ObjectId, default: null },
    assignedAt: { type: Date, required: true },
    acquiredBy: { type: Schema.Types.ObjectId, default: null },
    createdAt: { type: Date, required: true },
    firstDealAt: { type: Date, default: null },
    lastDealAt: { type: Date, default: null },
    dealCount: { type: Number, default: 0 },
    status: { type: String, enum: CLIENT_STATUSES, default: "active" },
    lostReason: { type: String, default: null },
    lostAt: { type: Date, default: null },
    pinned: { type: Boolean, default: false },
    ownership: { type: [ownershipSchema], default: [] },
    rotationDueAt: { type: Date, default: null },
    lastActivityAt: { type: Date, required: true },
    lastDealRequestId: { type: String, default: null },
    lastRotationRunId: { type: String, default: null },
  },
  { versionKey: false },
);

// A manager's list sorted by days until rotation, and "all of this owner's clients".
clientSchema.index({ teamId: 1, ownerId: 1, status: 1, rotationDueAt: 1 });
// A director's view of the whole team, same order.
clientSchema.index({ teamId: 1, status: 1, rotationDueAt: 1 });
// The "recent clients" buttons.
clientSchema.index({ teamId: 1, ownerId: 1, lastActivityAt: -1 });
// Duplicate checks within a team.
clientSchema.index({ teamId: 1, phones: 1 });
clientSchema.index({ teamId: 1, email: 1 });
clientSchema.index({ teamId: 1, nameKey: 1 });

export const Client = model<ClientDoc>("Client", clientSchema);

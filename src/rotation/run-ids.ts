import type { Types } from "mongoose";

/**
 * Rotation run ids: one per team and occasion, so asking twice (a double tap,
 * a repeated clock tick, two workers) names the same run and starts it once.
 */
type Id = Types.ObjectId | string;

/** The nightly run of a team's local date (YYYY-MM-DD). */
export const nightlyRunId = (teamId: Id, localDate: string): string => `${teamId}:${localDate}`;

/** A run the director started from the preview that carried `nonce`. */
export const manualRunId = (teamId: Id, nonce: string): string => `${teamId}:manual:${nonce}`;

/** The handover of a deactivated manager's clients. */
export const deactivationRunId = (teamId: Id, memberId: Id, deactivatedAt: Date): string => `${teamId}:leave:${memberId}:${deactivatedAt.getTime()}`;

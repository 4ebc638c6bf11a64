import type { Types } from "mongoose";

/**
 * Rotation run ids: one per team and occasion, so asking twice (a double tap,
 * a repeated clock tick, two workers) names the same run and starts it once.
 */
type Id = Types.ObjectId | string;

/** The nightly run of a team's local date (YYYY-MM-DD). */
export const nightlyRunId = (teamId: Id, localDate: string): string => `${teamId}:${localDate}`;

/** A run the director started from the preview whose token the confirmed button carried. */
export const manualRunId = (teamId: Id, previewToken: string): string => `${teamId}:manual:${previewToken}`;

/** The handover of a deactivated manager's clients. */
export const deactivationRunId = (teamId: Id, memberId: Id, deactivatedAt: Date): string => `${teamId}:leave:${memberId}:${deactivatedAt.getTime()}`;

/**
 * Keys of the messages rotation sends (the outbound path sends each key once):
 * a run's notice to a manager and its summary to a director, a report
 * reminder, and the director's warning that a report is overdue.
 */
export const noticeKey = (runId: string, memberId: Id): string => `rotation.notice:${runId}:${memberId}`;
export const summaryKey = (runId: string, telegramId: number): string => `rotation.summary:${runId}:${telegramId}`;
export const runFailedKey = (runId: string, telegramId: number): string => `rotation.failed:${runId}:${telegramId}`;
export const reminderKey = (rotationId: string, kind: "before" | "on-day"): string => `report-reminder:${rotationId}:${kind}`;
export const overdueKey = (rotationId: string, telegramId: number): string => `report-reminder:${rotationId}:overdue:${telegramId}`;

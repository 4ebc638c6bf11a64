import { GrammyError, HttpError } from "grammy";

/**
 * What a failed Bot API call means for a message that must reach someone.
 * Shared by the outbound path (team notices) and broadcasts.
 */
export type SendVerdict =
  | { kind: "final"; status: "blocked" | "undeliverable" | "failed"; reason: string }
  /** Try again later: Telegram asked to wait longer than we wait in-process, or it or the network failed. */
  | { kind: "deferred"; reason: string; retryAt: Date };

/** A message that could not be sent now but may be later; jobs let it fail so Agenda retries with backoff. */
export class DeliveryDeferred extends Error {
  constructor(
    readonly reason: string,
    readonly retryAt: Date,
  ) {
    super(`delivery deferred: ${reason}`);
    this.name = "DeliveryDeferred";
  }
}

const UNREACHABLE = /chat not found|user not found|PEER_ID_INVALID|chat_id is empty|bot can't initiate conversation/i;

export function classifySendError(err: unknown, now: Date): SendVerdict {
  if (err instanceof GrammyError) {
    if (err.error_code === 403) {
      return UNREACHABLE.test(err.description)
        ? { kind: "final", status: "undeliverable", reason: err.description }
        : { kind: "final", status: "blocked", reason: err.description };
    }
    if (err.error_code === 429) {
      const seconds = err.parameters.retry_after ?? 30;
      return { kind: "deferred", reason: `429 retry after ${seconds} s`, retryAt: new Date(now.getTime() + seconds * 1000) };
    }
    if (err.error_code >= 500) return { kind: "deferred", reason: `${err.error_code} ${err.description}`, retryAt: new Date(now.getTime() + 30_000) };
    if (err.error_code === 400 && UNREACHABLE.test(err.description)) return { kind: "final", status: "undeliverable", reason: err.description };
    return { kind: "final", status: "failed", reason: `${err.error_code} ${err.description}` };
  }
  if (err instanceof HttpError) return { kind: "deferred", reason: `network: ${err.message}`, retryAt: new Date(now.getTime() + 30_000) };
  // No retry makes a missing or unreadable file readable.
  if (err instanceof UnreadableFile) return { kind: "final", status: "failed", reason: `file: ${err.message}` };
  // grammY wraps its own aborts and timeouts in HttpError; a bare one (an AbortSignal.timeout reason) is a timeout too.
  const name = (err as { name?: unknown } | null)?.name;
  if (name === "AbortError" || name === "TimeoutError") {
    return { kind: "deferred", reason: "request timed out", retryAt: new Date(now.getTime() + 30_000) };
  }
  // Anything else is a bug to see in the logs.
  throw err;
}

/** Telegram's answer when the user blocked the bot or deleted their account. */
export function isBlockedError(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 403 && !UNREACHABLE.test(err.description);
}

/** The file of a photo or document part could not be read (a bug or a missing file, not Telegram's trouble). */
export class UnreadableFile extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = "UnreadableFile";
  }
}

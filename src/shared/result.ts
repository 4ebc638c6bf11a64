/**
 * Domain functions return either a value or the reason they refused it. The
 * reason is a stable code that the Telegram layer turns into a localized
 * message (`error-<code>` in the locale files), so rules stay free of texts.
 *
 * Some refusals carry what the caller needs to explain them (the clients a
 * new one duplicates…). Declare that per code with the third parameter:
 *
 *   Result<ClientDoc, "not-found" | "duplicate", { duplicate: { duplicates: DuplicateMatch[] } }>
 *   return fail("duplicate", { duplicates });
 *   if (!r.ok && r.error === "duplicate") show(r.data.duplicates);
 */
export type ErrorData = Record<string, unknown>;
type NoData = Record<never, never>;

/** A refusal; codes named in `D` carry `data` of that type. */
export type Failure<E extends string, D extends ErrorData = NoData> = [keyof D] extends [never]
  ? { ok: false; error: E }
  : E extends keyof D
    ? { ok: false; error: E; data: D[E] }
    : { ok: false; error: E };

export type Result<T, E extends string = string, D extends ErrorData = NoData> = { ok: true; value: T } | Failure<E, D>;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function fail<E extends string>(error: E): { ok: false; error: E };
export function fail<E extends string, D>(error: E, data: D): { ok: false; error: E; data: D };
export function fail(error: string, ...data: unknown[]): { ok: false; error: string; data?: unknown } {
  return data.length > 0 ? { ok: false, error, data: data[0] } : { ok: false, error };
}

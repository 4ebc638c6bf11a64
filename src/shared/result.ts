/**
 * Domain functions return either a value or the reason they refused it. The
 * reason is a stable code that the Telegram layer turns into a localized
 * message (`error-<code>` in the locale files), so rules stay free of texts.
 */
export type Result<T, E extends string = string> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E extends string>(error: E): { ok: false; error: E } => ({ ok: false, error });

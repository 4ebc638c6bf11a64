/**
 * Typed callback data. Every inline button's payload is written and read by a
 * codec declared once, next to the feature's views (`src/telegram/<feature>/callbacks.ts`):
 *
 *   export const openCard = callbackData("cl.v", { clientId: field.objectId, page: field.int });
 *   kb.text(label, openCard.pack({ clientId, page: 0 }));             // "cl.v:65f0…:0"
 *   onCallback(composer, openCard, members, (ctx, { clientId, page }) => …);
 *
 * Payloads come from the user's phone, so they are untrusted: `unpack` checks
 * the prefix, the field count and every field, and answers `null` for anything
 * forged or malformed; it never throws. `pack` throws when a payload would not
 * fit Telegram's 64 bytes, or a value its field would not read back: that is
 * a programming error, caught by tests.
 */

/** Telegram's limit on callback_data, in bytes (UTF-8). */
export const CALLBACK_DATA_MAX_BYTES = 64;
const SEPARATOR = ":";

export interface Field<T> {
  /** Text written into the payload; must not contain the separator. */
  encode(value: T): string;
  /** The value, or undefined when the text is not a valid value of this field. */
  decode(text: string): T | undefined;
}

const OBJECT_ID = /^[0-9a-f]{24}$/;
const TOKEN = /^[A-Za-z0-9_-]+$/;

/** Field kinds. Add one here rather than parsing by hand in a handler. */
export const field = {
  /** A MongoDB ObjectId as 24 lowercase hex characters. */
  objectId: {
    encode: (v: string) => v,
    decode: (s: string) => (OBJECT_ID.test(s) ? s : undefined),
  } satisfies Field<string>,
  /** A non-negative safe integer, in base 36 to save bytes. */
  int: {
    encode: (v: number) => v.toString(36),
    decode: (s: string) => {
      // One way to write each number (no leading zeros), so a payload reads back only as what pack wrote.
      if (!/^(0|[1-9a-z][0-9a-z]{0,10})$/.test(s)) return undefined;
      const n = parseInt(s, 36);
      return Number.isSafeInteger(n) ? n : undefined;
    },
  } satisfies Field<number>,
  bool: {
    encode: (v: boolean) => (v ? "1" : "0"),
    decode: (s: string) => (s === "1" ? true : s === "0" ? false : undefined),
  } satisfies Field<boolean>,
  /** One of a fixed set of short words. */
  oneOf<const V extends string>(values: readonly V[]): Field<V> {
    for (const v of values) if (!TOKEN.test(v)) throw new Error(`callback enum value "${v}" must match ${TOKEN}`);
    return { encode: (v) => v, decode: (s) => (values as readonly string[]).includes(s) ? (s as V) : undefined };
  },
  /** An opaque url-safe token (nonces, invite ids) of at most `max` characters. */
  token(max: number): Field<string> {
    return { encode: (v) => v, decode: (s) => (s.length <= max && TOKEN.test(s) ? s : undefined) };
  },
  /** A field that may be absent, written as "-". */
  optional<T>(inner: Field<T>): Field<T | null> {
    return {
      encode: (v) => (v === null ? "-" : inner.encode(v)),
      decode: (s) => (s === "-" ? null : inner.decode(s)),
    };
  },
} as const;

export type FieldsSpec = Record<string, Field<unknown>>;
export type DataOf<F extends FieldsSpec> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

export interface CallbackCodec<F extends FieldsSpec> {
  readonly prefix: string;
  /** Matches every payload of this codec (valid or not): what grammY's callbackQuery filter gets. */
  readonly pattern: RegExp;
  pack(data: DataOf<F>): string;
  unpack(payload: string): DataOf<F> | null;
}

const registered = new Set<string>();

/**
 * Declares a codec. Prefixes are unique per process (two features can never
 * read each other's buttons) and short, since they count against 64 bytes.
 */
export function callbackData<F extends FieldsSpec>(prefix: string, fields: F): CallbackCodec<F> {
  if (!/^[a-z][a-z0-9.]{0,7}$/i.test(prefix)) throw new Error(`callback prefix "${prefix}" must be 1-8 letters, digits or dots`);
  if (registered.has(prefix)) throw new Error(`callback prefix "${prefix}" is declared twice`);
  registered.add(prefix);
  const names = Object.keys(fields);
  const escaped = prefix.replace(/\./g, "\\.");
  const pattern = names.length === 0 ? new RegExp(`^${escaped}$`) : new RegExp(`^${escaped}${SEPARATOR}`);

  return {
    prefix,
    pattern,
    pack(data) {
      const parts = names.map((name) => {
        const value = (data as Record<string, unknown>)[name];
        const text = fields[name]!.encode(value);
        if (text.length === 0 || text.includes(SEPARATOR)) throw new Error(`callback field ${prefix}.${name} encodes to "${text}"`);
        // A value its own field would refuse (a negative or fractional int, an upper-case id, a token with
        // a space) makes a button that can never work: refuse it here, where the bug is.
        if (!Object.is(fields[name]!.decode(text), value)) throw new Error(`callback field ${prefix}.${name} cannot carry ${JSON.stringify(value)}`);
        return text;
      });
      const payload = [prefix, ...parts].join(SEPARATOR);
      const bytes = Buffer.byteLength(payload, "utf8");
      if (bytes > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback data ${prefix} is ${bytes} bytes (max ${CALLBACK_DATA_MAX_BYTES})`);
      return payload;
    },
    unpack(payload) {
      if (typeof payload !== "string" || Buffer.byteLength(payload, "utf8") > CALLBACK_DATA_MAX_BYTES) return null;
      const [head, ...parts] = payload.split(SEPARATOR);
      if (head !== prefix || parts.length !== names.length) return null;
      const data: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const value = fields[names[i]!]!.decode(parts[i]!);
        if (value === undefined) return null;
        data[names[i]!] = value;
      }
      return data as DataOf<F>;
    },
  };
}

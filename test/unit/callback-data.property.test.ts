import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CALLBACK_DATA_MAX_BYTES, callbackData, field } from "../../src/telegram/callback-data.js";

// Callback data comes from the user's phone: every payload is untrusted. The
// codecs below cover every field kind; prefixes are unique per process, so
// each codec here is declared once at module level.

const RUNS = { numRuns: 1000 };

const card = callbackData("t.card", { clientId: field.objectId, page: field.int, archived: field.bool });
const pick = callbackData("t.pick", { role: field.oneOf(["manager", "director"] as const), nonce: field.token(12), note: field.optional(field.token(8)) });
const bare = callbackData("t.bare", {});
const one = callbackData("t.one", { n: field.int });

const objectIdArb = fc.stringMatching(/^[0-9a-f]{24}$/);
const tokenArb = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9_-]{1,${max}}$`));
const cardArb = fc.record({ clientId: objectIdArb, page: fc.nat({ max: Number.MAX_SAFE_INTEGER }), archived: fc.boolean() });
const pickArb = fc.record({
  role: fc.constantFrom("manager" as const, "director" as const),
  nonce: tokenArb(12),
  // "-" is how optional writes null, so a token "-" could not be told apart: pack refuses it (tested below).
  note: fc.option(tokenArb(8).filter((t) => t !== "-"), { nil: null }),
});

/** Anything a forged button could carry, including non-strings grammY would never hand us (defence in depth). */
const anyPayload = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  // Near misses: a real prefix with arbitrary fields.
  fc.tuple(fc.constantFrom("t.card", "t.pick", "t.bare", "t.one", "t.car", "T.CARD", "t.card "), fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 })).map(
    ([prefix, parts]) => [prefix, ...parts].join(":"),
  ),
  fc.anything(),
);

describe("callback codecs", () => {
  it("read back exactly what they wrote, within 64 bytes", () => {
    fc.assert(
      fc.property(cardArb, pickArb, (c, p) => {
        const packedCard = card.pack(c);
        const packedPick = pick.pack(p);
        expect(card.unpack(packedCard)).toEqual(c);
        expect(pick.unpack(packedPick)).toEqual(p);
        expect(card.pattern.test(packedCard)).toBe(true);
        expect(pick.pattern.test(packedCard)).toBe(false);
        for (const packed of [packedCard, packedPick]) expect(Buffer.byteLength(packed)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      }),
      RUNS,
    );
    expect(bare.pack({})).toBe("t.bare");
    expect(bare.unpack("t.bare")).toEqual({});
    expect(one.pack({ n: 35 })).toBe("t.one:z");
  });

  it("answer null, never throw, for anything forged or malformed", () => {
    fc.assert(
      fc.property(anyPayload, (payload) => {
        for (const codec of [card, pick, bare, one]) {
          let result: unknown;
          expect(() => (result = codec.unpack(payload as string))).not.toThrow();
          if (result === null) continue;
          // Whatever is accepted is exactly what pack would write for it: nothing else gets through.
          expect(typeof payload).toBe("string");
          expect((codec.pack as (d: unknown) => string)(result)).toBe(payload);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("refuse each kind of forgery", () => {
    const id = "65f0a1b2c3d4e5f6a7b8c9d0";
    const valid = card.pack({ clientId: id, page: 3, archived: false });
    expect(card.unpack(valid)).toEqual({ clientId: id, page: 3, archived: false });
    const forged = [
      `t.pick:${id}:3:0`, // wrong prefix
      `t.car:${id}:3:0`,
      `${id}:3:0`,
      `t.card:${id}:3`, // wrong field count
      `t.card:${id}:3:0:0`,
      `t.card:${id}:3:0:`,
      "t.card",
      "",
      `t.card:${id.toUpperCase()}:3:0`, // bad fields
      `t.card:${id.slice(1)}:3:0`,
      `t.card:${id}:-1:0`,
      `t.card:${id}:1.5:0`,
      `t.card:${id}::0`,
      `t.card:${id}:zzzzzzzzzzzz:0`, // beyond a safe integer
      `t.card:${id}:3:2`,
      `t.card:${id}:3:true`,
      `t.card:{"$gt":""}:3:0`,
      `t.card:${id}:03:0`, // not how 3 is written
      `t.card:${id}:00:0`,
      `t.pick:admin:abc:-`,
      `t.pick:manager:${"a".repeat(13)}:-`,
      `t.pick:manager:a b:-`,
      `t.pick:manager:abc:${"n".repeat(9)}`,
      "t.bare:",
      "t.bare:x",
    ];
    for (const payload of forged) expect(card.unpack(payload) ?? pick.unpack(payload) ?? bare.unpack(payload), payload).toBeNull();
    for (const payload of [undefined, null, 42, {}, ["t.card", id, "3", "0"], Buffer.from(valid)]) {
      expect(card.unpack(payload as unknown as string)).toBeNull();
    }
    // 64 bytes counts bytes, not characters: Cyrillic is two bytes each.
    expect(pick.unpack(`t.pick:manager:${"ж".repeat(30)}:-`)).toBeNull();
  });

  it("pack throws when a payload would exceed 64 bytes", () => {
    const long = callbackData("t.long", { a: field.token(40), b: field.token(40) });
    expect(long.pack({ a: "a".repeat(20), b: "b".repeat(20) })).toHaveLength(48);
    const exactly64 = long.pack({ a: "a".repeat(28), b: "b".repeat(28) });
    expect(Buffer.byteLength(exactly64)).toBe(64);
    expect(long.unpack(exactly64)).toEqual({ a: "a".repeat(28), b: "b".repeat(28) });
    expect(() => long.pack({ a: "a".repeat(29), b: "b".repeat(28) })).toThrow(/65 bytes \(max 64\)/);
    // The same 65 bytes arriving from a phone: every field is valid, the size is not.
    expect(long.unpack(`t.long:${"a".repeat(29)}:${"b".repeat(28)}`)).toBeNull();
  });

  it("pack throws for a value its field cannot carry (a dead button otherwise)", () => {
    const id = "65f0a1b2c3d4e5f6a7b8c9d0";
    expect(() => card.pack({ clientId: id.toUpperCase(), page: 0, archived: false })).toThrow(/clientId/);
    expect(() => card.pack({ clientId: id, page: -1, archived: false })).toThrow(/page/);
    expect(() => card.pack({ clientId: id, page: 1.5, archived: false })).toThrow(/page/);
    expect(() => card.pack({ clientId: `${id}:x`, page: 0, archived: false })).toThrow(/clientId/);
    expect(() => pick.pack({ role: "admin" as "manager", nonce: "abc", note: null })).toThrow(/role/);
    expect(() => pick.pack({ role: "manager", nonce: "a b", note: null })).toThrow(/nonce/);
    expect(() => pick.pack({ role: "manager", nonce: "abc", note: "-" })).toThrow(/note/);
    expect(() => pick.pack({ role: "manager", nonce: "", note: null })).toThrow(/nonce/);
  });

  it("a prefix can be declared once only, and must be short", () => {
    expect(() => callbackData("t.card", { x: field.int })).toThrow(/declared twice/);
    expect(() => callbackData("toolongprefix", {})).toThrow(/1-8/);
    expect(() => callbackData("a:b", {})).toThrow(/1-8/);
    expect(() => callbackData("", {})).toThrow(/1-8/);
    expect(() => field.oneOf(["ok", "not ok"])).toThrow(/enum value/);
  });
});

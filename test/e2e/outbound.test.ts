import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { InputFile } from "grammy";
import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { Delivery } from "../../src/outbound/delivery.model.js";
import { DeliveryDeferred, Outbound, type OutboundRequest } from "../../src/outbound/outbound.js";
import type { JobQueue } from "../../src/queue/job-queue.js";
import { systemClock } from "../../src/shared/clock.js";
import { createBackgroundApi } from "../../src/telegram/api.js";
import { User } from "../../src/users/user.model.js";
import { markBlocked } from "../../src/users/users.js";
import { FakeBotApi, type RecordedCall } from "../harness/fake-bot-api.js";
import { LogCapture, TEST_TOKEN } from "../support/app.js";
import { useTestDatabase } from "../support/db.js";

/**
 * The one outbound path against the fake Bot API: a real Outbound on the real
 * background API client (auto-retry, timeouts, size limits), a real database.
 * Retry counts and the overall deadline are lowered where a test would
 * otherwise wait for the production backoff; the rules under test are the same.
 */
useTestDatabase("outbound");

let fake: FakeBotApi;
beforeAll(async () => {
  fake = await FakeBotApi.start();
});
afterAll(() => fake.stop());

let nextChat = 880_000;
/** A chat the fake knows, unique per test. */
function newChat(): number {
  const id = ++nextChat;
  fake.registerUser({ id, is_bot: false, first_name: `R${id}` });
  return id;
}

interface Scheduled {
  name: string;
  at: Date;
  data: unknown;
}

function setup(opts: { maxWaitSeconds?: number; retryAttempts?: number; giveUpAfterSeconds?: number; leaseMs?: number; apiRoot?: string } = {}) {
  const logs = new LogCapture();
  const logger = createLogger({ level: "debug", destination: logs });
  const api = createBackgroundApi({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: opts.apiRoot ?? fake.apiRoot }, opts.maxWaitSeconds ?? 2, {
    retryAttempts: opts.retryAttempts ?? 4,
    giveUpAfterSeconds: opts.giveUpAfterSeconds ?? 20,
  });
  const scheduled: Scheduled[] = [];
  const jobs: JobQueue = {
    enqueue: async (name, data) => void scheduled.push({ name, at: new Date(), data }),
    schedule: async (name, at, data) => void scheduled.push({ name, at, data }),
  };
  const blockedCalls: number[] = [];
  const outbound = new Outbound({
    api,
    logger,
    clock: systemClock,
    jobs,
    onBlocked: async (chatId, at) => {
      blockedCalls.push(chatId);
      await markBlocked(chatId, at);
    },
    ...(opts.leaseMs !== undefined ? { leaseMs: opts.leaseMs } : {}),
  });
  /** Log lines about one message (by key). */
  const logsOf = (key: string) => logs.lines.filter((l) => l.key === key).map((l) => l.msg);
  return { outbound, logs, logsOf, scheduled, blockedCalls };
}

let keySeq = 0;
const newKey = (label: string) => `test.${label}:${++keySeq}:${Date.now()}`;

function request(chatId: number, key: string, message: OutboundRequest["message"], teamId?: Types.ObjectId): OutboundRequest {
  return { key, chatId, kind: key.split(":")[0]!, teamId: teamId ?? null, message };
}

/** Calls that put (or tried to put) something into the chat. */
const sendsTo = (chatId: number, since = 0): RecordedCall[] =>
  fake.callsSince(since).filter((c) => /^send/i.test(c.method) && String(c.payload.chat_id) === String(chatId));
const accepted = (chatId: number, since = 0) => sendsTo(chatId, since).filter((c) => c.response.ok);
const messageIdOf = (c: RecordedCall) => (c.response.ok ? (c.response.result as { message_id: number }).message_id : undefined);

/** Injects a failure on the n-th (1-based) later call of `method` to `chatId`. */
function failNth(method: string, chatId: number, n: number, inject: () => void): void {
  let seen = 0;
  const off = fake.onCall((c) => {
    if (c.method !== method || String(c.payload.chat_id) !== String(chatId)) return;
    if (++seen === n - 1) {
      off();
      inject(); // in place before the client hears this answer, so before it sends the next call
    }
  });
  if (n === 1) {
    off();
    inject();
  }
}

/** A text of `lines` lines of `width` characters, numbered so every line is unique. */
function longText(lines: number, width = 99): string {
  return Array.from({ length: lines }, (_, i) => `${String(i).padStart(4, "0")} ${"x".repeat(width - 5)}`).join("\n");
}

async function deferral(p: Promise<unknown>): Promise<DeliveryDeferred> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryDeferred);
  return err as DeliveryDeferred;
}

describe("Outbound: delivered means Telegram accepted it", () => {
  it("keeps the message pending while Telegram has not answered, and records it sent with its message id once accepted", async () => {
    const { outbound, logsOf } = setup({ giveUpAfterSeconds: 2 });
    const chat = newChat();
    const key = newKey("accept");
    fake.hangNext("sendMessage", { chatId: chat });
    const first = outbound.send(request(chat, key, { text: "Your clients moved." }));
    await fake.waitForCall((c) => c.transport === "hung" && String(c.payload.chat_id) === String(chat));
    // The request is at Telegram and unanswered: nothing is recorded as delivered.
    const inFlight = await Delivery.findById(key).lean();
    expect(inFlight).toMatchObject({ status: "pending", partsSent: 0, messageIds: [] });
    expect(inFlight!.leaseUntil).toBeInstanceOf(Date);

    const err = await deferral(first);
    expect(err.reason).toMatch(/^network: /);
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "pending", partsSent: 0, leaseUntil: null, lastError: expect.stringMatching(/network/) });

    expect(await outbound.send(request(chat, key, { text: "Your clients moved." }))).toBe("sent");
    const [ok] = accepted(chat);
    const doc = await Delivery.findById(key).lean();
    expect(doc).toMatchObject({ status: "sent", partsSent: 1, messageIds: [messageIdOf(ok!)], attempts: 2, lastError: null });
    expect(doc!.doneAt).toBeInstanceOf(Date);
    expect(logsOf(key)).toEqual(["delivery deferred", "delivered"]);
  });

  it("sends a text over 4,096 characters as several messages split at line breaks, buttons on the last", async () => {
    const { outbound } = setup();
    const chat = newChat();
    const key = newKey("long");
    const text = longText(100); // 100 lines of 99 characters: 9,999 characters
    const keyboard = { inline_keyboard: [[{ text: "Done", callback_data: "x.d" }]] };
    expect(await outbound.send(request(chat, key, { text, keyboard }))).toBe("sent");

    const calls = accepted(chat);
    expect(calls.length).toBe(3);
    const texts = calls.map((c) => String(c.payload.text));
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(4096);
    expect(texts.join("\n")).toBe(text); // cut only at line breaks, nothing lost
    expect(calls.map((c) => c.payload.reply_markup ?? null)).toEqual([null, null, keyboard]);
    // What the user sees: three messages, the keyboard under the last.
    const shown = fake.chatMessages(chat);
    expect(shown.map((m) => m.reply_markup ?? null)).toEqual([null, null, keyboard]);
    const doc = await Delivery.findById(key).lean();
    expect(doc).toMatchObject({ status: "sent", partsSent: 3, messageIds: calls.map(messageIdOf) });
    expect(doc!.parts.map((p) => p.type)).toEqual(["text", "text", "text"]);
  });
});

describe("Outbound: Telegram asks to wait", () => {
  it("keeps a message pending on a 429 beyond the wait cap, and the retry sends only the parts not yet delivered (send)", async () => {
    const { outbound, logsOf } = setup({ maxWaitSeconds: 2 });
    const chat = newChat();
    const key = newKey("429");
    const text = longText(100);
    failNth("sendMessage", chat, 2, () => fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(5), { chatId: chat }));

    const before = Date.now();
    const err = await deferral(outbound.send(request(chat, key, { text })));
    expect(err.retryAt.getTime()).toBeGreaterThanOrEqual(before + 5000);
    expect(err.reason).toBe("429 retry after 5 s");
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "pending", partsSent: 1, lastError: "429 retry after 5 s", leaseUntil: null });
    expect(sendsTo(chat).map((c) => c.response.ok)).toEqual([true, false]); // not waited out in-process

    expect(await outbound.send(request(chat, key, { text }))).toBe("sent");
    const [part1, part2, part3] = (await Delivery.findById(key).lean())!.parts.map((p) => p.text);
    const okTexts = accepted(chat).map((c) => c.payload.text);
    expect(okTexts).toEqual([part1, part2, part3]); // part 1 exactly once
    expect(sendsTo(chat).filter((c) => c.payload.text === part1)).toHaveLength(1);
    expect(sendsTo(chat).filter((c) => c.payload.text === part2).map((c) => c.response.ok)).toEqual([false, true]);
    expect(logsOf(key)).toEqual(["delivery deferred", "delivered"]);
  });

  it("resume() (the retry job's call) sends what is left from the record alone", async () => {
    const { outbound } = setup({ maxWaitSeconds: 1 });
    const chat = newChat();
    const key = newKey("resume");
    const text = longText(100);
    failNth("sendMessage", chat, 2, () => fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(3), { chatId: chat }));
    await deferral(outbound.send(request(chat, key, { text, keyboard: { inline_keyboard: [[{ text: "OK", callback_data: "x.ok" }]] } })));

    expect(await outbound.resume(key)).toBe("sent");
    const calls = accepted(chat);
    expect(calls.map((c) => String(c.payload.text)).join("\n")).toBe(text);
    expect(calls.at(-1)!.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: "OK", callback_data: "x.ok" }]] });
    expect(await outbound.resume(key)).toBe("sent"); // nothing more to send
    expect(accepted(chat)).toHaveLength(3);
    expect(await outbound.resume("test.nothing:here")).toBe("missing");
  });

  it("waits out a 429 within the cap in-process and sends once", async () => {
    const { outbound } = setup({ maxWaitSeconds: 2 });
    const chat = newChat();
    const key = newKey("429-short");
    fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(1), { chatId: chat });
    const started = Date.now();
    expect(await outbound.send(request(chat, key, { text: "Statement for May" }))).toBe("sent");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sendsTo(chat).map((c) => c.response.ok)).toEqual([false, true]);
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "sent", attempts: 1, partsSent: 1 });
  });
});

describe("Outbound: Telegram or the network fails", () => {
  it("keeps the message pending on a 5xx (after the in-process retries)", async () => {
    const { outbound, logsOf } = setup({ retryAttempts: 0 });
    const chat = newChat();
    const key = newKey("5xx");
    fake.failNext("sendMessage", FakeBotApi.errors.serverError, { chatId: chat });
    const err = await deferral(outbound.send(request(chat, key, { text: "hello" })));
    expect(err.reason).toBe("500 Internal Server Error");
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "pending", partsSent: 0, lastError: "500 Internal Server Error" });
    expect(await outbound.send(request(chat, key, { text: "hello" }))).toBe("sent");
    expect(accepted(chat)).toHaveLength(1);
    expect(logsOf(key)).toEqual(["delivery deferred", "delivered"]);
  });

  it("retries a 5xx in-process with backoff before deferring", async () => {
    const { outbound } = setup({ retryAttempts: 1 });
    const chat = newChat();
    fake.failNext("sendMessage", FakeBotApi.errors.serverError, { chatId: chat });
    expect(await outbound.send(request(chat, newKey("5xx-once"), { text: "hello" }))).toBe("sent");
    expect(sendsTo(chat).map((c) => c.response.ok)).toEqual([false, true]);
  });

  it("keeps the message pending when the connection keeps being closed (network error), within the deadline", async () => {
    const { outbound } = setup({ giveUpAfterSeconds: 4 });
    const chat = newChat();
    const key = newKey("dropped");
    fake.dropNext("sendMessage", { chatId: chat, times: 10 });
    const err = await deferral(outbound.send(request(chat, key, { text: "hello" })));
    expect(err.reason).toMatch(/^network: /);
    // auto-retry retried the network error (0 s, then after 3 s) until our deadline stopped it.
    expect(sendsTo(chat).map((c) => c.transport)).toEqual(["dropped", "dropped"]);
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "pending", partsSent: 0 });
    fake.clearFailures();
    expect(await outbound.send(request(chat, key, { text: "hello" }))).toBe("sent");
  });

  it("keeps the message pending when the Bot API server is down", async () => {
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const { outbound, logsOf } = setup({ apiRoot: `http://127.0.0.1:${closed}`, giveUpAfterSeconds: 2 });
    const key = newKey("down");
    const err = await deferral(outbound.send(request(424242, key, { text: "hello" })));
    expect(err.reason).toMatch(/^network: /);
    expect(err.retryAt.getTime()).toBeGreaterThan(Date.now());
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "pending", partsSent: 0, leaseUntil: null });
    expect(logsOf(key)).toEqual(["delivery deferred"]);
  });
});

describe("Outbound: final outcomes", () => {
  it("marks a user who blocked the bot (users.blockedAt), runs onBlocked once, and logs it once", async () => {
    const { outbound, logsOf, blockedCalls } = setup();
    const chat = newChat();
    await User.create({ _id: chat, firstName: "Blocker" });
    fake.blockChat(chat);
    const key = newKey("blocked");
    expect(await outbound.send(request(chat, key, { text: "Your clients moved." }))).toBe("blocked");
    expect(await outbound.send(request(chat, key, { text: "Your clients moved." }))).toBe("blocked");
    expect(await outbound.resume(key)).toBe("blocked");
    expect(blockedCalls).toEqual([chat]);
    expect((await User.findById(chat).lean())!.blockedAt).toBeInstanceOf(Date);
    expect(sendsTo(chat)).toHaveLength(1);
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "blocked", lastError: "Forbidden: bot was blocked by the user" });
    expect(logsOf(key)).toEqual(["recipient blocked the bot"]);
  });

  it("records 400 chat not found as undeliverable, logged once", async () => {
    const { outbound, logsOf, blockedCalls } = setup();
    const chat = newChat();
    fake.failNext("sendMessage", FakeBotApi.errors.chatNotFound, { chatId: chat });
    const key = newKey("gone");
    expect(await outbound.send(request(chat, key, { text: "hi" }))).toBe("undeliverable");
    expect(await outbound.send(request(chat, key, { text: "hi" }))).toBe("undeliverable");
    expect(blockedCalls).toEqual([]);
    expect(sendsTo(chat)).toHaveLength(1);
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "undeliverable", lastError: "Bad Request: chat not found" });
    expect(logsOf(key)).toEqual(["recipient's chat cannot be reached; message dropped"]);
  });

  it("records any other refusal as failed, logged once as an error", async () => {
    const { outbound, logs, logsOf } = setup();
    const chat = newChat();
    fake.failNext("sendMessage", { error_code: 400, description: "Bad Request: can't parse entities" }, { chatId: chat });
    const key = newKey("refused");
    expect(await outbound.send(request(chat, key, { text: "hi" }))).toBe("failed");
    expect(await outbound.send(request(chat, key, { text: "hi" }))).toBe("failed");
    expect(logsOf(key)).toEqual(["delivery failed"]);
    expect(logs.lines.find((l) => l.key === key)).toMatchObject({ level: 50, reason: "400 Bad Request: can't parse entities" });
  });

  it("sends the same key once, whatever the text says the second time", async () => {
    const { outbound, logsOf } = setup();
    const chat = newChat();
    const key = newKey("once");
    expect(await outbound.send(request(chat, key, { text: "first" }))).toBe("sent");
    expect(await outbound.send(request(chat, key, { text: "second" }))).toBe("sent");
    expect(accepted(chat).map((c) => c.payload.text)).toEqual(["first"]);
    expect(logsOf(key)).toEqual(["delivered"]);
  });
});

describe("Outbound: several senders", () => {
  it("two senders of one key at the same moment send it once", async () => {
    const a = setup();
    const b = setup();
    const chat = newChat();
    const keys = Array.from({ length: 6 }, () => newKey("race"));
    const results = await Promise.allSettled(keys.flatMap((key) => [a, b].map((s) => s.outbound.send(request(chat, key, { text: key })))));
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(DeliveryDeferred);
    for (const key of keys) {
      expect(accepted(chat).filter((c) => c.payload.text === key)).toHaveLength(1);
      // Whoever lost the race finds it sent on its retry.
      expect(await b.outbound.send(request(chat, key, { text: key }))).toBe("sent");
      expect((await Delivery.findById(key).lean())!.status).toBe("sent");
    }
    expect(sendsTo(chat)).toHaveLength(keys.length);
  });

  it("a second sender waits while the first holds the lease (a slow send), then finds it sent", async () => {
    const a = setup({ giveUpAfterSeconds: 10 });
    const b = setup();
    const chat = newChat();
    const key = newKey("lease");
    fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(1), { chatId: chat }); // A waits 1 s in-process
    const first = a.outbound.send(request(chat, key, { text: "slow" }));
    await fake.waitForCall((c) => String(c.payload.chat_id) === String(chat));
    const err = await deferral(b.outbound.send(request(chat, key, { text: "slow" })));
    expect(err.reason).toBe("another sender holds this message");
    expect(err.retryAt.getTime()).toBeGreaterThan(Date.now());
    expect(await first).toBe("sent");
    expect(await b.outbound.send(request(chat, key, { text: "slow" }))).toBe("sent");
    expect(accepted(chat)).toHaveLength(1);
  });

  it("takes over a message whose sender died (its lease ran out), without resending what it had delivered", async () => {
    const { outbound } = setup();
    const chat = newChat();
    const key = newKey("takeover");
    const text = longText(100);
    // A sender that delivered part 1 and died holding the lease.
    failNth("sendMessage", chat, 2, () => fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(30), { chatId: chat }));
    await deferral(outbound.send(request(chat, key, { text })));
    await Delivery.updateOne({ _id: key }, { $set: { leaseOwner: "dead-worker", leaseUntil: new Date(Date.now() + 60_000) } });
    const held = await deferral(outbound.send(request(chat, key, { text })));
    expect(held.reason).toBe("another sender holds this message");
    expect(held.retryAt.getTime()).toBeGreaterThanOrEqual(Date.now() + 50_000); // not before the lease can run out

    await Delivery.updateOne({ _id: key }, { $set: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await outbound.send(request(chat, key, { text }))).toBe("sent");
    expect(accepted(chat)).toHaveLength(3);
    expect(accepted(chat).map((c) => String(c.payload.text)).join("\n")).toBe(text);
  });

  it("renews its lease while a send takes longer than the lease", async () => {
    const a = setup({ leaseMs: 600, maxWaitSeconds: 3 });
    const b = setup({ leaseMs: 600 });
    const chat = newChat();
    const key = newKey("renew");
    fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(2), { chatId: chat }); // A holds the part 2 s
    const first = a.outbound.send(request(chat, key, { text: "long wait" }));
    await fake.waitForCall((c) => String(c.payload.chat_id) === String(chat));
    await new Promise((r) => setTimeout(r, 1200)); // twice the lease
    await deferral(b.outbound.send(request(chat, key, { text: "long wait" })));
    expect(await first).toBe("sent");
    expect(accepted(chat)).toHaveLength(1);
  });
});

describe("Outbound.sendAll and sendSoon", () => {
  it("sendAll carries on past a deferred recipient and a blocked one, and throws the deferral at the end", async () => {
    const { outbound } = setup({ maxWaitSeconds: 1 });
    const [c1, c2, c3, c4] = [newChat(), newChat(), newChat(), newChat()];
    fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(4), { chatId: c2 });
    fake.blockChat(c3);
    const run = newKey("run");
    const requests = [c1, c2, c3, c4].map((chat) => request(chat, `${run}:${chat}`, { text: `notice for ${chat}` }));
    const before = Date.now();
    const err = await deferral(outbound.sendAll(requests));
    expect(err.retryAt.getTime()).toBeGreaterThanOrEqual(before + 4000);
    expect(accepted(c1)).toHaveLength(1);
    expect(accepted(c4)).toHaveLength(1);
    expect(sendsTo(c3).map((c) => c.response.ok)).toEqual([false]);

    // The job's retry: only the deferred one is sent; the others answer from their records.
    const outcomes = await outbound.sendAll(requests);
    expect(Object.fromEntries(outcomes)).toEqual({
      [`${run}:${c1}`]: "sent",
      [`${run}:${c2}`]: "sent",
      [`${run}:${c3}`]: "blocked",
      [`${run}:${c4}`]: "sent",
    });
    for (const chat of [c1, c2, c4]) expect(accepted(chat)).toHaveLength(1);
    expect(sendsTo(c3)).toHaveLength(1);
  });

  it("sendSoon hands a deferred message to the outbound.retry job, at retry_after", async () => {
    const { outbound, scheduled } = setup({ maxWaitSeconds: 1 });
    const chat = newChat();
    const key = newKey("soon");
    fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(7), { chatId: chat });
    const before = Date.now();
    expect(await outbound.sendSoon(request(chat, key, { text: "Anna joined your team" }))).toBe("deferred");
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ name: "outbound.retry", data: { key } });
    expect(scheduled[0]!.at.getTime()).toBeGreaterThanOrEqual(before + 7000);
    expect(await outbound.sendSoon(request(newChat(), newKey("soon-ok"), { text: "ok" }))).toBe("sent");
    expect(scheduled).toHaveLength(1);
    await expect(outbound.sendSoon(request(chat, newKey("soon-photo"), { photo: () => new InputFile(Buffer.from("x")), caption: "" }))).rejects.toThrow(
      /texts only/,
    );
  });
});

describe("Outbound: photos, documents and captions", () => {
  const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");

  it("sends a photo with its caption cut at 1,024 and the rest as text, buttons on the last message", async () => {
    const { outbound } = setup();
    const chat = newChat();
    const key = newKey("photo");
    const caption = longText(30, 60); // 1,829 characters
    const keyboard = { inline_keyboard: [[{ text: "More", callback_data: "x.m" }]] };
    expect(await outbound.send(request(chat, key, { photo: () => new InputFile(png, "chart.png"), caption, text: "Totals: 42", keyboard }))).toBe("sent");
    const calls = accepted(chat);
    expect(calls.map((c) => c.method)).toEqual(["sendPhoto", "sendMessage", "sendMessage"]);
    expect(calls[0]!.files!.photo!.content).toEqual(png);
    const head = String(calls[0]!.payload.caption);
    expect(head.length).toBeLessThanOrEqual(1024);
    expect(`${head}\n${String(calls[1]!.payload.text)}`).toBe(caption);
    expect(calls[2]!.payload.text).toBe("Totals: 42");
    expect(calls.map((c) => c.payload.reply_markup ?? null)).toEqual([null, null, keyboard]);
    expect((await Delivery.findById(key).lean())!.parts.map((p) => p.type)).toEqual(["photo", "text", "text"]);
  });

  it("sends a document from a file path, and again from the path after a deferral", async () => {
    const { outbound } = setup({ maxWaitSeconds: 1 });
    const dir = mkdtempSync(path.join(tmpdir(), "baton-outbound-"));
    const file = path.join(dir, "clients.csv");
    writeFileSync(file, "name,phone\nAcme,+49 30 1234567\n");
    const chat = newChat();
    const key = newKey("doc");
    fake.failNext("sendDocument", FakeBotApi.errors.tooManyRequests(5), { chatId: chat });
    const message = { document: () => new InputFile(file), caption: "Your export" };
    await deferral(outbound.send(request(chat, key, message)));
    expect(await outbound.send(request(chat, key, message))).toBe("sent");
    const [doc] = accepted(chat);
    expect(doc!.method).toBe("sendDocument");
    expect(doc!.payload.caption).toBe("Your export");
    expect(doc!.files!.document).toMatchObject({ filename: "clients.csv", content: Buffer.from("name,phone\nAcme,+49 30 1234567\n") });
    expect(await outbound.resume(key)).toBe("sent");
  });

  it("retries a document made from a stream in-process (a 429 within the cap) with the whole file", async () => {
    const { outbound } = setup({ maxWaitSeconds: 2 });
    const chat = newChat();
    const key = newKey("stream");
    const content = Buffer.from("a,b\n1,2\n".repeat(1000));
    fake.failNext("sendDocument", FakeBotApi.errors.tooManyRequests(1), { chatId: chat });
    expect(await outbound.send(request(chat, key, { document: () => new InputFile(Readable.from([content]), "deals.csv") }))).toBe("sent");
    expect(sendsTo(chat).map((c) => c.response.ok)).toEqual([false, true]);
    expect(accepted(chat)[0]!.files!.document).toMatchObject({ filename: "deals.csv", content });
  });

  it("records a document whose file cannot be read as failed, not as a network problem to retry", async () => {
    const { outbound, logsOf } = setup();
    const chat = newChat();
    const key = newKey("nofile");
    const outcome = await outbound.send(request(chat, key, { document: () => new InputFile(path.join(tmpdir(), "no-such-dir", "x.csv")) }));
    expect(outcome).toBe("failed");
    expect((await Delivery.findById(key).lean())!.lastError).toMatch(/^file: .*ENOENT/);
    expect(logsOf(key)).toEqual(["delivery failed"]);
  });

  it("leaves a pending message with a file to its own job (resume cannot re-make files)", async () => {
    const { outbound } = setup({ maxWaitSeconds: 1 });
    const chat = newChat();
    const key = newKey("photo-resume");
    fake.failNext("sendPhoto", FakeBotApi.errors.tooManyRequests(5), { chatId: chat });
    await deferral(outbound.send(request(chat, key, { photo: () => new InputFile(png, "p.png"), caption: "chart" })));
    expect(await outbound.resume(key)).toBe("failed");
    expect((await Delivery.findById(key).lean())!.status).toBe("pending");
    expect(await Outbound.stalePending(new Date(Date.now() + 60_000), 1000)).not.toContain(key);
  });
});

describe("Outbound: what was sent to whom", () => {
  it("answers per team and chat, newest first, with the outcome, parts and message ids", async () => {
    const { outbound } = setup();
    const teamA = new Types.ObjectId();
    const teamB = new Types.ObjectId();
    const chat = newChat();
    fake.failNext("sendMessage", FakeBotApi.errors.chatNotFound, { chatId: chat });
    const k1 = newKey("h1");
    const k2 = newKey("h2");
    const k3 = newKey("h3");
    expect(await outbound.send({ ...request(chat, k1, { text: "one" }), teamId: teamA })).toBe("undeliverable");
    expect(await outbound.send({ ...request(chat, k2, { text: longText(60) }), teamId: teamA })).toBe("sent");
    expect(await outbound.send({ ...request(chat, k3, { text: "other team" }), teamId: teamB })).toBe("sent");

    const history = await Outbound.history(teamA, chat);
    expect(history.map((d) => d._id)).toEqual([k2, k1]);
    expect(history[0]).toMatchObject({ chatId: chat, kind: "test.h2", status: "sent", partsSent: 2, attempts: 1 });
    const partTexts = history[0]!.parts.map((p) => p.text);
    expect(history[0]!.messageIds).toEqual(accepted(chat).filter((c) => partTexts.includes(String(c.payload.text))).map(messageIdOf));
    expect(history[0]!.doneAt).toBeInstanceOf(Date);
    expect(history[1]).toMatchObject({ status: "undeliverable", messageIds: [], lastError: "Bad Request: chat not found" });
    expect((await Outbound.history(teamB, chat)).map((d) => d._id)).toEqual([k3]);
    expect(await Outbound.history(teamA, chat, 1)).toHaveLength(1);
  });

  it("lists text messages left pending (a lost retry job) for the clock to pick up again", async () => {
    const { outbound } = setup({ maxWaitSeconds: 1 });
    const chat = newChat();
    const key = newKey("stale");
    fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(9), { chatId: chat });
    await deferral(outbound.send(request(chat, key, { text: "later" })));
    expect(await Outbound.stalePending(new Date(Date.now() + 60_000), 1000)).toContain(key);
    expect(await Outbound.stalePending(new Date(Date.now() - 60_000), 1000)).not.toContain(key);
    expect(await outbound.abandon(key, "gave up")).toBe(true);
    expect(await outbound.abandon(key, "gave up")).toBe(false);
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "failed", lastError: "gave up" });
    expect(await Outbound.stalePending(new Date(Date.now() + 60_000), 1000)).not.toContain(key);
  });
});

import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboundJobs } from "../../jobs/outbound/index.js";
import type { JobDeps } from "../../jobs/runtime/deps.js";
import { Delivery } from "../../src/outbound/delivery.model.js";
import { DeliveryDeferred } from "../../src/outbound/errors.js";
import { timingOf } from "../../src/telegram/api.js";
import { FakeBotApi, type RecordedCall } from "../harness/fake-bot-api.js";
import { freshDbName, TestBot } from "../support/app.js";

/**
 * The platform pieces inside the real app (TestBot: bot + worker against the
 * fake Bot API): replies inside an update give up within the interactive
 * profile's deadline and the error boundary apologises; start-up survives a
 * refused command menu; a deferred message reaches the user through the
 * outbound.retry job, once.
 */

const APOLOGY = "Sorry, something went wrong on our side. Please try again in a minute.";
const agendaJobs = () => mongoose.connection.db!.collection("agendaJobs");
const sendsTo = (fake: FakeBotApi, chatId: number, since = 0): RecordedCall[] =>
  fake.callsSince(since).filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId));

describe("replies inside an update (interactive profile)", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("interactive") });
  });
  afterAll(() => bot.stop());

  it("has a deadline of about 15 s, attempts cut at 5 s, two retries", () => {
    expect(timingOf({ kind: "interactive" })).toEqual({ requestTimeoutMs: 5000, deadlineMs: 14_000, maxRetryAttempts: 2, maxDelaySeconds: 4, firstBackoffMs: 2000 });
    expect(timingOf({ kind: "background", maxWaitSeconds: 30 })).toEqual({
      requestTimeoutMs: 30_000,
      deadlineMs: 120_000,
      maxRetryAttempts: 4,
      maxDelaySeconds: 30,
      firstBackoffMs: 3000,
    });
  });

  it("gives up on a reply that keeps failing with 5xx after three attempts, and apologises", { timeout: 30_000 }, async () => {
    const user = bot.user({ id: 7101, firstName: "Five" });
    bot.fake.failNext("sendMessage", FakeBotApi.errors.serverError, { chatId: user.id, times: 3 });
    user.send("/help");
    await user.expectReply(APOLOGY, { timeoutMs: 20_000 });
    const calls = sendsTo(bot.fake, user.id);
    expect(calls.map((c) => (c.response.ok ? "ok" : c.response.error_code))).toEqual([500, 500, 500, "ok"]);
    expect(calls.at(-1)!.payload.text).toBe(APOLOGY);
    // Backoff 2 s, then 4 s, and Telegram's own error once the retries are used up (no trailing wait).
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1900);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(3900);
    expect(calls[3]!.at - calls[2]!.at).toBeLessThan(1000);
    const logged = bot.errorsLogged().filter((l) => l.msg === "update handler failed");
    expect(logged).toHaveLength(1);
    expect((logged[0]!.err as { message: string }).message).toMatch(/500: Internal Server Error/);
  });

  it("gives up on a reply Telegram never answers within the deadline, and apologises", { timeout: 30_000 }, async () => {
    const user = bot.user({ id: 7102, firstName: "Hang" });
    bot.fake.hangNext("sendMessage", { chatId: user.id, times: 2 });
    user.send("/help");
    await user.expectReply(APOLOGY, { timeoutMs: 20_000 });
    const calls = sendsTo(bot.fake, user.id);
    // Attempt 1 cut off at 5 s, 2 s backoff, attempt 2 cut off at 12 s; a third would start past the 14 s deadline.
    expect(calls.map((c) => c.transport ?? "ok")).toEqual(["hung", "hung", "ok"]);
    expect(calls[2]!.at - calls[0]!.at).toBeLessThan(14_000);
    const failed = bot.errorsLogged().filter((l) => l.msg === "update handler failed");
    expect((failed.at(-1)!.err as { message: string }).message).toBe("Network request for 'sendMessage' failed!");
  });

  it("does not wait out a 429 longer than 4 s inside an update", async () => {
    const user = bot.user({ id: 7103, firstName: "Flood" });
    bot.fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(30), { chatId: user.id });
    user.send("/help");
    await user.expectReply(APOLOGY, { timeoutMs: 5000 });
    expect(sendsTo(bot.fake, user.id).map((c) => (c.response.ok ? "ok" : c.response.error_code))).toEqual([429, "ok"]);
  });

  it("keeps serving the chat after a reply gave up", async () => {
    const user = bot.user({ id: 7101, firstName: "Five" });
    user.send("/help");
    await user.expectReply(/I help sales teams/);
  });
});

describe("start-up", () => {
  for (const [label, error] of [
    ["400", { error_code: 400, description: "Bad Request: BOT_COMMAND_INVALID" }],
    ["500", FakeBotApi.errors.serverError],
  ] as const) {
    it(`logs a warning and serves /start when every setMyCommands fails with ${label}`, { timeout: 40_000 }, async () => {
      const fake = await FakeBotApi.start();
      fake.failNext("setMyCommands", error, { times: 1000 });
      const bot = await TestBot.start({ dbName: freshDbName(`menus${label}`), fake });
      try {
        const warning = bot.logs.lines.find((l) => l.msg === "could not set the default command menus; continuing");
        expect(warning).toMatchObject({ level: 40 });
        expect(fake.callsTo("setMyCommands").every((c) => !c.response.ok)).toBe(true);
        const user = bot.user({ id: 7201, firstName: "New" });
        user.send("/start");
        await user.expectReply(/You are not in a team yet/, { timeoutMs: 20_000 });
      } finally {
        await bot.stop();
      }
    });
  }
});

describe("outbound.retry end to end", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("obretry"), env: { OUTBOUND_MAX_WAIT_SECONDS: "1" } });
  });
  afterAll(() => bot.stop());

  it("delivers a message deferred by a long 429 later, through the job, once, not before retry_after", { timeout: 30_000 }, async () => {
    const chat = 7301;
    bot.fake.registerUser({ id: chat, is_bot: false, first_name: "Dana" });
    const key = "invite.used:test-1";
    // Telegram asks for 2 s, beyond the 1 s this app waits in-process.
    bot.fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(2), { chatId: chat });
    const outcome = await bot.app.outbound.sendSoon({ key, chatId: chat, kind: "invite.used", message: { text: "Anna joined your team." } });
    expect(outcome).toBe("deferred");
    expect((await Delivery.findById(key).lean())!.status).toBe("pending");
    const [job] = await agendaJobs().find({ name: "outbound.retry", "data.key": key }).toArray();
    expect(job!.nextRunAt.getTime()).toBeGreaterThanOrEqual(sendsTo(bot.fake, chat)[0]!.at + 1900);

    const delivered = await bot.fake.waitForCall((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chat) && c.response.ok, 15_000);
    const calls = sendsTo(bot.fake, chat);
    expect(calls.map((c) => (c.response.ok ? "ok" : c.response.error_code))).toEqual([429, "ok"]);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(1900);
    await expect.poll(async () => (await Delivery.findById(key).lean())?.status).toBe("sent");
    expect(await Delivery.findById(key).lean()).toMatchObject({ partsSent: 1, attempts: 2, messageIds: [(delivered.response as { result: { message_id: number } }).result.message_id] });
    await expect.poll(async () => (await agendaJobs().findOne({ _id: job!._id }))?.lastFinishedAt).toBeInstanceOf(Date);
    expect(await agendaJobs().findOne({ _id: job!._id })).toMatchObject({ nextRunAt: null, data: { key } });
    await new Promise((r) => setTimeout(r, 500));
    expect(sendsTo(bot.fake, chat).filter((c) => c.response.ok)).toHaveLength(1);
    // A deferral is routine: a warning, never an error.
    expect(bot.errorsLogged()).toEqual([]);
    expect(bot.logs.lines.filter((l) => l.key === key).map((l) => l.msg)).toEqual(["delivery deferred"]);
  });

  it("the team clock picks up a text message left pending without a retry job (a crash in between) and delivers it once", { timeout: 20_000 }, async () => {
    const chat = 7303;
    bot.fake.registerUser({ id: chat, is_bot: false, first_name: "Finn" });
    const key = "member.deactivated:test-3";
    const since = bot.fake.nextCallIndex;
    // As a sender that crashed after recording the message, before sending or publishing its retry.
    await Delivery.create({
      _id: key,
      chatId: chat,
      kind: "member.deactivated",
      status: "pending",
      parts: [{ type: "text", text: "Your access to Team A was removed.", replyMarkup: null }],
      createdAt: new Date(Date.now() - 11 * 60 * 1000),
    });
    await bot.app.agenda.now("team.clock", {});
    const sent = await bot.fake.waitForCall((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chat), 10_000, since);
    expect(sent.payload.text).toBe("Your access to Team A was removed.");
    await expect.poll(async () => (await Delivery.findById(key).lean())?.status).toBe("sent");
    // A second tick finds nothing left to do.
    await bot.app.agenda.now("team.clock", {});
    await new Promise((r) => setTimeout(r, 1000));
    expect(sendsTo(bot.fake, chat, since)).toHaveLength(1);
  });

  it("records the message as failed once the job runs out of attempts", async () => {
    const chat = 7302;
    bot.fake.registerUser({ id: chat, is_bot: false, first_name: "Eve" });
    const key = "invite.used:test-2";
    bot.fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(600), { chatId: chat });
    await bot.app.agenda.cancel({ name: "outbound.retry" });
    expect(await bot.app.outbound.sendSoon({ key, chatId: chat, kind: "invite.used", message: { text: "Bo joined." } })).toBe("deferred");
    // What the worker does after its last attempt (8 retries over hours, not waited for here).
    const [definition] = outboundJobs({ outbound: bot.app.outbound } as unknown as JobDeps);
    await definition!.onGiveUp!({ key }, new DeliveryDeferred("429 retry after 600 s", new Date()));
    expect(await Delivery.findById(key).lean()).toMatchObject({ status: "failed", lastError: "429 retry after 600 s" });
    expect(bot.logs.lines.filter((l) => l.key === key && l.msg === "delivery abandoned after its retries")).toHaveLength(1);
    expect(await bot.app.outbound.resume(key)).toBe("failed");
    expect(await definition!.onGiveUp!({ key }, new Error("again"))).toBeUndefined(); // no second record, no second log
    expect(bot.logs.lines.filter((l) => l.key === key && l.msg === "delivery abandoned after its retries")).toHaveLength(1);
    expect(sendsTo(bot.fake, chat)).toHaveLength(1);
  });
});

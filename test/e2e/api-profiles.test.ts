import { Api, Composer, GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createBot } from "../../src/bot/create-bot.js";
import type { BotFeature } from "../../src/bot/feature.js";
import { startPolling, type UpdateSource } from "../../src/bot/runtime.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import type { Outbound } from "../../src/outbound/outbound.js";
import type { JobQueue } from "../../src/queue/job-queue.js";
import { systemClock } from "../../src/shared/clock.js";
import { configureApi, createBackgroundApi } from "../../src/telegram/api.js";
import type { BotContext } from "../../src/telegram/context.js";
import { FakeBotApi, type RecordedCall } from "../harness/fake-bot-api.js";
import { TelegramUser } from "../harness/telegram-user.js";
import { LogCapture, TEST_TOKEN } from "../support/app.js";
import { useTestDatabase } from "../support/db.js";

/**
 * Baton's Bot API profiles (src/telegram/api.ts) against the fake Bot API:
 * the retry policy of each profile, and the size limits every message is
 * fitted to, seen from a real handler's ctx (a bot assembled by createBot
 * with one test feature, polling the fake).
 */
useTestDatabase("apiprofiles");

let fake: FakeBotApi;
beforeAll(async () => {
  fake = await FakeBotApi.start();
});
afterAll(() => fake.stop());

let nextChat = 990_000;
function newChat(): number {
  const id = ++nextChat;
  fake.registerUser({ id, is_bot: false, first_name: `C${id}` });
  return id;
}
const callsTo = (chat: number, since = 0): RecordedCall[] => fake.callsSince(since).filter((c) => String(c.payload.chat_id) === String(chat));
const outcome = (c: RecordedCall) => c.transport ?? (c.response.ok ? "ok" : c.response.error_code);

async function failure(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
}

describe("retry policy", () => {
  it("background: waits out 429s within the cap up to the retry limit, then answers with the 429 at once", async () => {
    const api = createBackgroundApi({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot }, 2, { retryAttempts: 2 });
    const chat = newChat();
    fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(1), { chatId: chat, times: 10 });
    const started = Date.now();
    const err = await failure(api.sendMessage(chat, "hi"));
    const took = Date.now() - started;
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(429);
    expect(callsTo(chat).map(outcome)).toEqual([429, 429, 429]);
    expect(took).toBeGreaterThanOrEqual(1900); // two waits of 1 s…
    expect(took).toBeLessThan(2900); // …and no third one after the last attempt
    fake.clearFailures();
  });

  it("background: does not wait out a 429 beyond the cap; GrammyError carries retry_after", async () => {
    const api = createBackgroundApi({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot }, 2);
    const chat = newChat();
    fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(3), { chatId: chat });
    const err = (await failure(api.sendMessage(chat, "hi"))) as GrammyError;
    expect(err.parameters.retry_after).toBe(3);
    expect(callsTo(chat).map(outcome)).toEqual([429]);
  });

  it("never retries what retrying cannot fix (400, 403)", async () => {
    const api = createBackgroundApi({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot }, 2);
    const chat = newChat();
    fake.failNext("sendMessage", FakeBotApi.errors.chatNotFound, { chatId: chat });
    expect(await failure(api.sendMessage(chat, "hi"))).toBeInstanceOf(GrammyError);
    fake.blockChat(chat);
    expect(await failure(api.sendMessage(chat, "hi"))).toBeInstanceOf(GrammyError);
    expect(callsTo(chat).map(outcome)).toEqual([400, 403]);
  });

  it("interactive: retries a network error twice (2 s, 4 s) and gives up well within 15 s", { timeout: 20_000 }, async () => {
    const api = configureApi(new Api(TEST_TOKEN, { apiRoot: fake.apiRoot }), { kind: "interactive" });
    const chat = newChat();
    fake.dropNext("sendMessage", { chatId: chat, times: 10 });
    const started = Date.now();
    const err = await failure(api.sendMessage(chat, "hi"));
    expect(err).toBeInstanceOf(HttpError);
    expect(callsTo(chat).map(outcome)).toEqual(["dropped", "dropped", "dropped"]);
    expect(Date.now() - started).toBeLessThan(8000);
    fake.clearFailures();
  });

  it("does not retry a call its caller cancelled", async () => {
    const api = createBackgroundApi({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.apiRoot }, 2);
    const chat = newChat();
    fake.hangNext("sendMessage", { chatId: chat });
    const controller = new AbortController();
    const pending = failure(api.sendMessage(chat, "hi", undefined, controller.signal as never));
    await fake.waitForCall((c) => c.transport === "hung" && String(c.payload.chat_id) === String(chat));
    controller.abort();
    expect(await pending).toBeInstanceOf(HttpError);
    await new Promise((r) => setTimeout(r, 3500));
    expect(callsTo(chat).map(outcome)).toEqual(["hung"]);
  });
});

describe("size limits seen from a handler (interactive profile)", () => {
  let source: UpdateSource;
  let since = 0;
  const logs = new LogCapture();
  const long = Array.from({ length: 100 }, (_, i) => `${String(i).padStart(3, "0")} ${"y".repeat(95)}`).join("\n"); // 9,999 characters

  const sizes: BotFeature = {
    name: "sizes",
    handlers: () => {
      const composer = new Composer<BotContext>();
      composer.command("long", (ctx) => ctx.reply(`${long}\n${long}`.slice(0, 10_000), { reply_markup: new InlineKeyboard().text("Done", "t.done") }));
      composer.command("edit", async (ctx) => {
        const sent = await ctx.reply("short for now");
        await ctx.api.editMessageText(ctx.chat.id, sent.message_id, long.slice(0, 5000));
      });
      composer.command("many", (ctx) => {
        const kb = new InlineKeyboard();
        for (let row = 0; row < 15; row++) {
          for (let col = 0; col < 10; col++) kb.text(`${row}.${col}`, `t.b:${row}:${col}`);
          kb.row();
        }
        return ctx.reply("Pick one", { reply_markup: kb });
      });
      composer.command("answer", (ctx) => ctx.reply("Tap", { reply_markup: new InlineKeyboard().text("Why?", "t.ans") }));
      composer.callbackQuery("t.ans", (ctx) => ctx.answerCallbackQuery({ text: `${"Because ".repeat(40)}😀😀`, show_alert: true }));
      composer.command("photo", (ctx) =>
        ctx.replyWithPhoto(new InputFile(Buffer.from("89504e47", "hex"), "chart.png"), {
          caption: long.slice(0, 2000),
          reply_markup: new InlineKeyboard().text("More", "t.more"),
        }),
      );
      return composer;
    },
  };

  beforeAll(async () => {
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      MONGODB_URI: inject("mongoUri"),
      TELEGRAM_API_ROOT: fake.apiRoot,
      LOG_LEVEL: "info",
    });
    const logger = createLogger({ level: "info", destination: logs });
    const jobs: JobQueue = { enqueue: async () => undefined, schedule: async () => undefined };
    const { bot } = createBot({ config, logger, clock: systemClock, jobs, outbound: {} as Outbound, db: mongoose.connection.db!, features: [sizes] });
    since = fake.nextCallIndex;
    source = await startPolling(bot, logger);
  });
  afterAll(async () => {
    await source.stop();
  });

  function makeUser(): TelegramUser {
    return new TelegramUser(fake, { id: newChat(), firstName: "Sam", languageCode: "en" });
  }

  it("ctx.reply with 10,000 characters arrives as several messages split at line breaks, buttons on the last", async () => {
    const sam = makeUser();
    sam.send("/long");
    await fake.waitForCall((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(sam.id) && Boolean(c.payload.reply_markup));
    const sent = sam.replies().filter((c) => c.method === "sendMessage");
    const original = `${long}\n${long}`.slice(0, 10_000);
    expect(sent).toHaveLength(3);
    for (const c of sent) expect(String(c.payload.text).length).toBeLessThanOrEqual(4096);
    expect(sent.map((c) => String(c.payload.text)).join("\n")).toBe(original);
    expect(sent.map((c) => Boolean(c.payload.reply_markup))).toEqual([false, false, true]);
  });

  it("editMessageText over 4,096 is cut at a line break with …", async () => {
    const sam = makeUser();
    sam.send("/edit");
    const edit = await fake.waitForCall((c) => c.method === "editMessageText" && String(c.payload.chat_id) === String(sam.id));
    expect(edit.response.ok).toBe(true);
    const text = String(edit.payload.text);
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text.endsWith("\n…")).toBe(true);
    expect(long.startsWith(text.slice(0, -2))).toBe(true);
    expect(long[text.length - 2]).toBe("\n"); // cut where a line ended
    expect(sam.lastMessage()!.text).toBe(text);
  });

  it("an inline keyboard over 100 buttons (or 8 a row) is trimmed so Telegram accepts it", async () => {
    const sam = makeUser();
    sam.send("/many");
    await sam.expectReply("Pick one");
    const markup = sam.lastMessage()!.reply_markup!;
    const rows = markup.inline_keyboard;
    expect(rows.flat()).toHaveLength(100);
    expect(rows.every((row) => row.length <= 8)).toBe(true);
    expect(rows.flat()[0]!.text).toBe("0.0"); // the head of the list is kept, in order
    expect(rows.flat()[99]!.text).toBe("9.9");
  });

  it("answerCallbackQuery text over 200 is cut with …, never inside an emoji", async () => {
    const sam = makeUser();
    sam.send("/answer");
    await sam.expectReply("Tap");
    sam.tap("Why?");
    const answer = await fake.waitForCall((c) => c.method === "answerCallbackQuery" && String(c.payload.callback_query_id).startsWith(String(sam.id)));
    expect(answer.response.ok).toBe(true);
    const text = String(answer.payload.text);
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith("…")).toBe(true);
  });

  it("a photo's caption over 1,024 keeps its head; the rest follows as text with the buttons", async () => {
    const sam = makeUser();
    sam.send("/photo");
    await fake.waitForCall((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(sam.id));
    const [photo, rest] = sam.replies();
    expect(photo!.method).toBe("sendPhoto");
    expect(String(photo!.payload.caption).length).toBeLessThanOrEqual(1024);
    expect(photo!.payload.reply_markup).toBeUndefined();
    expect(`${String(photo!.payload.caption)}\n${String(rest!.payload.text)}`).toBe(long.slice(0, 2000));
    expect(rest!.payload.reply_markup).toEqual({ inline_keyboard: [[{ text: "More", callback_data: "t.more" }]] });
  });

  it("nothing failed for its size", () => {
    expect(logs.lines.filter((l) => (l.level as number) >= 50)).toEqual([]);
    expect(fake.callsSince(since).filter((c) => !c.response.ok)).toEqual([]);
  });
});

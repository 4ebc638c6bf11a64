import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { User } from "../../src/users/user.model.js";
import { Member } from "../../src/teams/member.model.js";
import { FakeBotApi } from "../harness/fake-bot-api.js";
import { freshDbName, TEST_TOKEN, TestBot } from "../support/app.js";
import { seedMember, seedTeam } from "../support/seed.js";
import { deactivateButton, deactivateConfirmButton, memberCardButton, memberLevelButton } from "../../src/telegram/teams/callbacks.js";

/** How the running bot copes with Telegram's realities: retries, blocks, duplicates, failures. */
describe("bot runtime", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("runtime") });
  });
  afterAll(() => bot.stop());

  it("switches language per user and re-sets that user's command menu", async () => {
    const kim = bot.user({ id: 5001, firstName: "Kim", languageCode: "en" });
    kim.send("/language");
    await kim.expectReply("Choose your language:");
    kim.tap("Русский");
    await kim.expectReply("Готово, говорю с вами по-русски.");
    kim.send("/help");
    await kim.expectReply(/Я помогаю отделам продаж/);
    expect((await User.findById(5001).lean())!.language).toBe("ru");
    const menu = bot.fake.commands({ type: "chat", chat_id: 5001 }) as { description: string }[];
    expect(menu[0]!.description).toBe("Начать");

    kim.send("/language");
    await kim.expectReply("Выберите язык:");
    kim.tap("हिन्दी");
    await kim.expectReply(/हिन्दी में/);
    kim.tapData("lang:de"); // forged: a language we do not offer
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "यह बटन अब सक्रिय नहीं है।");
    expect((await User.findById(5001).lean())!.language).toBe("hi");
  });

  it("defaults to Telegram's language, English when it has none of ours, and sets default menus per language", async () => {
    const ru = bot.user({ id: 5002, firstName: "Пётр", languageCode: "ru" });
    ru.send("/help");
    await ru.expectReply(/Я помогаю/);
    const de = bot.user({ id: 5003, firstName: "Hans", languageCode: "de" });
    de.send("/help");
    await de.expectReply(/I help sales teams/);
    const hiMenu = bot.fake.commands({ type: "all_private_chats" }, "hi") as { description: string }[];
    expect(hiMenu.map((c) => c.description)).toContain("भाषा बदलें");
  });

  it("handles an update delivered twice only once", async () => {
    const dup = bot.user({ id: 5004, firstName: "Dup" });
    const update = {
      update_id: 900_001,
      message: {
        message_id: 77,
        date: Math.floor(Date.now() / 1000),
        chat: dup.chat,
        from: dup.user,
        text: "/help",
        entities: [{ type: "bot_command" as const, offset: 0, length: 5 }],
      },
    };
    bot.fake.pushRawUpdate(update);
    await dup.expectReply(/I help sales teams/);
    bot.fake.pushRawUpdate(update);
    await new Promise((r) => setTimeout(r, 500));
    expect(bot.fake.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === "5004")).toHaveLength(1);
  });

  it("waits out a 429 and retries, and survives a 5xx", async () => {
    const busy = bot.user({ id: 5005, firstName: "Busy" });
    bot.fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(1), { chatId: 5005 });
    const started = Date.now();
    busy.send("/help");
    await busy.expectReply(/I help sales teams/, { timeoutMs: 6000 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900); // retry_after honoured
    const attempts = bot.fake.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === "5005");
    expect(attempts.map((c) => c.response.ok)).toEqual([false, true]);

    bot.fake.failNext("sendMessage", FakeBotApi.errors.serverError, { chatId: 5005 });
    busy.send("/help");
    await busy.expectReply(/I help sales teams/, { timeoutMs: 8000 });
  });

  it("marks a user who blocked the bot, keeps serving others, and unmarks them when they return", async () => {
    const gone = bot.user({ id: 5006, firstName: "Gone" });
    gone.send("/start");
    await gone.expectReply(/not in a team/);
    gone.blockBot();
    await expect.poll(async () => (await User.findById(5006).lean())?.blockedAt).toBeInstanceOf(Date);

    // A reply to a blocked chat fails with 403: logged as info, no apology attempt, no crash.
    bot.fake.blockChat(5006);
    gone.send("/help");
    const refused = await bot.fake.waitForCall((c) => String(c.payload.chat_id) === "5006" && !c.response.ok);
    expect(refused.response).toMatchObject({ error_code: 403 });
    const other = bot.user({ id: 5007, firstName: "Other" });
    other.send("/help");
    await other.expectReply(/I help sales teams/);
    expect(bot.errorsLogged()).toEqual([]);

    gone.unblockBot();
    await expect.poll(async () => (await User.findById(5006).lean())?.blockedAt).toBeNull();
  });

  it("apologizes in the user's language when a handler fails, logs the update id, and keeps running", async () => {
    const unlucky = bot.user({ id: 5008, firstName: "Unlucky", languageCode: "ru" });
    bot.fake.failNext("sendMessage", FakeBotApi.errors.chatNotFound, { chatId: 5008 });
    const update = unlucky.send("/help");
    await unlucky.expectReply("Извините, у нас что-то сломалось. Попробуйте ещё раз через минуту.");
    const logged = bot.errorsLogged().find((l) => l.msg === "update handler failed");
    expect(logged).toMatchObject({ updateId: expect.any(Number) });
    expect(bot.fake.deliveredUpdates.some((u) => u.update_id === logged!.updateId && u.message?.message_id === update.message_id)).toBe(true);
    expect(bot.logs.raw.join("")).not.toContain(TEST_TOKEN);

    unlucky.send("/help");
    await unlucky.expectReply(/Я помогаю/);
  });
});

describe("isolation between teams", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("isolation") });
  });
  afterAll(() => bot.stop());

  it("refuses every forged payload that points into another team", async () => {
    const a = await seedTeam({ directorId: 6001, name: "Team A" });
    const b = await seedTeam({ directorId: 6002, name: "Team B" });
    const aManager = await seedMember(a.team, { telegramId: 6003, name: "Alice", level: 1 });
    await seedMember(b.team, { telegramId: 6004, name: "Bob", level: 1 });
    const bDirector = bot.user({ id: 6002, firstName: "Bea" });
    const aManagerUser = bot.user({ id: 6003, firstName: "Alice" });

    bDirector.send("/team");
    const list = await bDirector.expectReply(/Team B: 2 active members/);
    expect(JSON.stringify(list.reply_markup)).not.toContain("Alice");

    const memberId = String(aManager._id);
    for (const data of [
      memberCardButton.pack({ memberId }),
      memberLevelButton.pack({ memberId, level: "5" }),
      deactivateButton.pack({ memberId }),
      deactivateConfirmButton.pack({ memberId }),
    ]) {
      const since = bot.fake.nextCallIndex;
      bDirector.tapData(data);
      await bot.fake.waitForCall(
        (c) => c.method === "answerCallbackQuery" && /not in your team/.test(String(c.payload.text)),
        4000,
        since,
      );
    }
    expect(await Member.findById(aManager._id).lean()).toMatchObject({ level: 1, active: true });

    // A manager cannot use director buttons even inside their own team.
    aManagerUser.tapData(memberLevelButton.pack({ memberId, level: "5" }));
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "Only a director can do that.");
    aManagerUser.send("/team");
    await aManagerUser.expectReply("Only a director can do that.");
    expect((await Member.findById(aManager._id).lean())!.level).toBe(1);

    // Malformed ids are refused the same way, not crashed on.
    for (const data of ["tm.m:not-an-id", "tm.m:zzzzzzzzzzzzzzzzzzzzzzzz", `tm.m:${memberId}:extra`, "tm.m"]) {
      const since = bot.fake.nextCallIndex;
      bDirector.tapData(data);
      await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "This button is no longer active.", 4000, since);
    }
    expect(bot.errorsLogged()).toEqual([]);
  });
});

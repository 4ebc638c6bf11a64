import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Team } from "../../src/teams/team.model.js";
import { Member } from "../../src/teams/member.model.js";
import { freshDbName, TestBot } from "../support/app.js";
import { createTeamButton } from "../../src/telegram/teams/callbacks.js";

/** Team creation and the director's first steps, driven through the fake Bot API. */
describe("creating a team", () => {
  let bot: TestBot;
  let olga: ReturnType<TestBot["user"]>;
  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("teams") });
  });
  afterAll(() => bot.stop());

  it("walks a newcomer to a team of their own, re-asking on every bad answer", async () => {
    olga = bot.user({ id: 1001, firstName: "Olga" });
    olga.send("/start");
    await olga.expectReply(/not in a team yet/);

    olga.tap("Create a team");
    await olga.expectReply("What is your team or company called?");

    olga.send("A"); // too short
    await olga.expectReply(/must be 2 to 64 characters[\s\S]*What is your team/);

    olga.send("/help"); // a command leaves the step and runs
    await olga.expectReply(/\/start/);
    olga.send("Acme Sales"); // no question is open any more
    await olga.expectReply(/didn't understand/);

    olga.tap("Create a team");
    await olga.expectReply("What is your team or company called?");
    olga.send("Acme Sales");
    await olga.expectReply(/Which timezone/);

    olga.send("Atlantis/Nowhere");
    await olga.expectReply(/don't know that timezone[\s\S]*Which timezone/);

    olga.tap("Europe/Berlin");
    await olga.expectReply(/Which country/);

    olga.send("Germany");
    await olga.expectReply(/not a country code I know/);
    olga.send("de");
    await olga.expectReply(/Which currency/);

    olga.send("dollars");
    await olga.expectReply(/not a currency code I know/);

    olga.send("eur");
    const summary = await olga.expectReply(/Create this team\?/);
    expect(summary.text).toContain("Name: Acme Sales");
    expect(summary.text).toContain("Timezone: Europe/Berlin");
    expect(summary.text).toContain("Country: DE");
    expect(summary.text).toContain("Currency: EUR");

    olga.send("yes please"); // the confirmation is a button
    await olga.expectReply(/Please use the buttons/);

    olga.tap("✔ Confirm");
    await olga.expectReply(/Team Acme Sales is ready, and you are its director/);

    const team = await Team.findOne({ name: "Acme Sales" }).lean();
    expect(team).toMatchObject({ timezone: "Europe/Berlin", country: "DE", currency: "EUR", language: "en" });
    expect(team!.settings.rotation.neverBoughtMonths).toBe(6);
    const member = await Member.findOne({ telegramId: 1001 }).lean();
    expect(member).toMatchObject({ role: "director", active: true });
    expect(String(member!.teamId)).toBe(String(team!._id));

    // The director's own "/" menu, in their language.
    const commands = bot.fake.commands({ type: "chat", chat_id: 1001 }) as { command: string }[];
    expect(commands.map((c) => c.command)).toEqual(expect.arrayContaining(["team", "invite", "rotation", "bonus", "help", "language", "cancel"]));
  });

  it("accepts a city name and a lowercase zone", async () => {
    const raj = bot.user({ id: 1002, firstName: "Raj", languageCode: "hi" });
    raj.send("/start");
    await raj.expectReply(/टीम बनाइए/);
    raj.tap("टीम बनाएँ");
    await raj.expectReply(/नाम क्या है/);
    raj.send("Mumbai Traders");
    await raj.expectReply(/टाइमज़ोन/);
    raj.send("kolkata");
    await raj.expectReply(/किस देश/);
    raj.tap("IN");
    await raj.expectReply(/मुद्रा/);
    raj.tap("INR");
    await raj.expectReply(/Asia\/Kolkata/);
    raj.tap(/पुष्टि करें/);
    await raj.expectReply(/टीम Mumbai Traders तैयार है/);
    expect(await Team.findOne({ name: "Mumbai Traders" }).lean()).toMatchObject({ timezone: "Asia/Kolkata", currency: "INR", language: "hi" });
  });

  it("cancels with the button or /cancel and saves nothing", async () => {
    const ivan = bot.user({ id: 1003, firstName: "Ivan", languageCode: "ru" });
    ivan.send("/start");
    await ivan.expectReply(/Создать команду|Создайте/);
    ivan.tap("Создать команду");
    await ivan.expectReply(/Как называется/);
    ivan.send("Ромашка");
    await ivan.expectReply(/часовом поясе/);
    ivan.tap("✖ Отмена");
    await ivan.expectReply("Отменено. Ничего не сохранено.");
    expect(await Team.countDocuments({ name: "Ромашка" })).toBe(0);

    ivan.send("Ромашка"); // no conversation any more
    await ivan.expectReply(/Я не понял/);

    ivan.send("/cancel");
    await ivan.expectReply("Отменять нечего.");
  });

  it("tells a team member they cannot found a second team", async () => {
    olga.send("/start");
    await olga.expectReply(/You are a director \(level 5\) in Acme Sales/);
    olga.tapData(createTeamButton.pack({}));
    await olga.expectReply(/already in a team/);
  });
});

describe("a conversation across a restart and a time-out", () => {
  it("continues where the user was after the bot restarts", async () => {
    const bot = await TestBot.start({ dbName: freshDbName("restart") });
    try {
      const anna = bot.user({ id: 2001, firstName: "Anna" });
      anna.send("/start");
      await anna.expectReply(/not in a team yet/);
      anna.tap("Create a team");
      await anna.expectReply(/called\?/);
      anna.send("Northwind");
      await anna.expectReply(/Which timezone/);

      await bot.restart();

      anna.tap("UTC");
      await anna.expectReply(/Which country/);
      anna.tap("GB");
      await anna.expectReply(/Which currency/);
      anna.tap("USD");
      await anna.expectReply(/Name: Northwind/);
      anna.tap("✔ Confirm");
      await anna.expectReply(/Team Northwind is ready/);
    } finally {
      await bot.stop();
    }
  });

  it("closes a step left open too long, politely, and saves nothing", async () => {
    const bot = await TestBot.start({ dbName: freshDbName("timeout"), env: { CONVERSATION_TIMEOUT_SECONDS: "1" } });
    try {
      const max = bot.user({ id: 2002, firstName: "Max" });
      max.send("/start");
      await max.expectReply(/not in a team yet/);
      max.tap("Create a team");
      await max.expectReply(/called\?/);
      await new Promise((r) => setTimeout(r, 1200));
      max.send("Late Corp");
      await max.expectReply(/left open too long/);
      await new Promise((r) => setTimeout(r, 300));
      expect(max.replies()).toHaveLength(1); // no "I didn't understand" on top
      expect(await Team.countDocuments({ name: "Late Corp" })).toBe(0);
    } finally {
      await bot.stop();
    }
  });
});

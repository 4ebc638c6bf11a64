import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "../../src/clients/client.model.js";
import { Member } from "../../src/teams/member.model.js";
import { freshDbName, TestBot } from "../support/app.js";
import { seedClients, seedMember, seedTeam } from "../support/seed.js";
import { deactivateConfirmButton } from "../../src/telegram/teams/callbacks.js";

describe("/team: levels and deactivation", () => {
  let bot: TestBot;
  let director: ReturnType<TestBot["user"]>;
  let manager: ReturnType<TestBot["user"]>;
  let nina: ReturnType<TestBot["user"]>;
  let team: Awaited<ReturnType<typeof seedTeam>>["team"];
  let managerId: string;

  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("teamadmin") });
    ({ team } = await seedTeam({ directorId: 4001, name: "Acme" }));
    const m = await seedMember(team, { telegramId: 4002, name: "Mark", level: 2 });
    await seedMember(team, { telegramId: 4003, name: "Nina", level: 4 });
    managerId = String(m._id);
    await seedClients(team._id, m._id, ["Alpha LLC", "Beta Ltd", "Gamma"]);
    director = bot.user({ id: 4001, firstName: "Dana" });
    manager = bot.user({ id: 4002, firstName: "Mark" });
    nina = bot.user({ id: 4003, firstName: "Nina" });
  });
  afterAll(() => bot.stop());

  it("lists members and changes a level in place", async () => {
    director.send("/team");
    await director.expectReply("Acme: 3 active members. Tap a member to change the level or deactivate.");
    director.tap("Mark · manager · L2");
    await director.expectReply(/Mark\nRole: manager\nLevel: 2\nStatus: active/);
    director.tap("4");
    await director.expectReply(/Level: 4/);
    expect((await Member.findById(managerId).lean())!.level).toBe(4);

    // Tapping the current level again: Telegram answers 400 "message is not modified"; nothing breaks.
    director.tap("• 4 •");
    const edit = await bot.fake.waitForCall((c) => c.method === "editMessageText" && !c.response.ok);
    expect(edit.response).toMatchObject({ ok: false, error_code: 400 });
    await director.expectNoReply(200);
    expect(bot.errorsLogged()).toEqual([]);
  });

  it("deactivates a manager: access ends at once, clients go to a colleague of the same level, the director hears how many", async () => {
    director.tap("Deactivate");
    await director.expectReply(/Deactivate Mark\?/);
    director.tap("Yes, deactivate");
    await director.expectReply(/Mark is deactivated\.[\s\S]*Status: deactivated/);
    await manager.expectReply("Your access to Acme has been turned off by a director.");
    await nina.expectReply(/You received 3 clients:\n• [^:]+: manager deactivated, from Mark/, { timeoutMs: 8000 });
    await director.expectReply(/\(manager deactivated\)\nHanded over: 3\. To the free pool: 0\./, { timeoutMs: 8000 });
    // The deactivated manager gets no rotation notice about the clients he lost.
    expect(bot.fake.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === "4002" && /Client rotation/.test(String(c.payload.text)))).toEqual([]);

    const ninaId = (await Member.findOne({ telegramId: 4003 }).lean())!._id;
    const clients = await Client.find({ teamId: team._id }).lean();
    expect(clients.map((c) => String(c.ownerId))).toEqual([String(ninaId), String(ninaId), String(ninaId)]);
    expect(clients[0]!.ownership.at(-1)).toMatchObject({ ownerId: ninaId, reason: "manager-deactivated" });
    const menu = bot.fake.commands({ type: "chat", chat_id: 4002 }) as { command: string }[];
    expect(menu.map((c) => c.command)).toEqual(["start", "help", "language"]);

    manager.send("/team");
    await manager.expectReply("Your access to Acme has been turned off by a director.");

    // A stale confirmation button pressed again changes nothing and says why.
    director.tapData(deactivateConfirmButton.pack({ memberId: String(managerId) }));
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "That manager is already deactivated.");
  });

  it("never deactivates a director", async () => {
    const self = await Member.findOne({ telegramId: 4001 }).lean();
    director.tapData(deactivateConfirmButton.pack({ memberId: String(self!._id) }));
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "Only managers can be deactivated.");
    expect((await Member.findById(self!._id).lean())!.active).toBe(true);
  });
});

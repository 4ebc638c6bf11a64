import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invite } from "../../src/teams/invite.model.js";
import { Member } from "../../src/teams/member.model.js";
import { ManualClock } from "../../src/shared/clock.js";
import { freshDbName, TestBot } from "../support/app.js";
import { seedTeam } from "../support/seed.js";
import { inviteLevelButton } from "../../src/telegram/teams/callbacks.js";

const DAY = 24 * 3600 * 1000;

/** Extracts the deep-link payload from the invite message a director received. */
function payloadOf(text: unknown): string {
  const match = /\?start=([A-Za-z0-9_-]+)/.exec(String(text));
  if (!match) throw new Error(`no invite link in ${String(text)}`);
  return match[1]!;
}

describe("invite links", () => {
  const clock = new ManualClock(new Date("2026-11-25T09:00:00Z"));
  let bot: TestBot;
  let director: ReturnType<TestBot["user"]>;

  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("invites"), clock });
    await seedTeam({ directorId: 3001, name: "Acme" });
    director = bot.user({ id: 3001, firstName: "Dana" });
  });
  afterAll(() => bot.stop());

  async function makeInvite(role: "manager" | "director", level: number): Promise<string> {
    director.send("/invite");
    await director.expectReply("Whom are you inviting?");
    director.tap(role);
    await director.expectReply(new RegExp(`Level of the new ${role}`));
    director.tap(String(level));
    const sent = await director.expectReply(/Send this link/);
    return payloadOf(sent.text);
  }

  it("joins a manager with the role and level set on the link, once", async () => {
    const payload = await makeInvite("manager", 2);
    expect(payload.length).toBeLessThanOrEqual(64);
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(director.lastMessage()?.text).toMatch(/expires on 02\.12\.2026 10:00/); // 7 days, Berlin time

    const mark = bot.user({ id: 3002, firstName: "Mark", lastName: "Twen" });
    mark.send(`/start ${payload}`);
    await mark.expectReply("Welcome to Acme! You are a manager, level 2. /help shows what you can do.");
    await director.expectReply("Mark Twen joined your team as manager, level 2.");
    expect(await Member.findOne({ telegramId: 3002 }).lean()).toMatchObject({ role: "manager", level: 2, active: true });
    const menu = bot.fake.commands({ type: "chat", chat_id: 3002 }) as { command: string }[];
    expect(menu.map((c) => c.command)).toEqual(expect.arrayContaining(["clients", "deal", "bonus", "help", "language", "cancel"]));
    expect(menu.map((c) => c.command)).not.toContain("team"); // a manager's menu

    // The same link a second time, by someone else: used.
    const eve = bot.user({ id: 3003, firstName: "Eve" });
    eve.send(`/start ${payload}`);
    await eve.expectReply(/already been used/);
    expect(await Member.exists({ telegramId: 3003 })).toBeNull();

    // And by Mark again: he is told he is in already.
    mark.send(`/start ${payload}`);
    await mark.expectReply("You are already in this team.");
  });

  it("refuses an expired link and an unknown one, and lets a member not switch teams", async () => {
    const payload = await makeInvite("director", 4);
    clock.advance(8 * DAY);
    const late = bot.user({ id: 3004, firstName: "Late" });
    late.send(`/start ${payload}`);
    await late.expectReply(/has expired/);
    expect(await Invite.findById(payload.slice(4)).lean()).toMatchObject({ usedAt: null });

    late.send("/start inv-doesnotexist123");
    await late.expectReply(/not valid/);
    late.send("/start something-else");
    await late.expectReply("This link is not valid. Ask whoever sent it for a new one.");

    // A member of another team opening a fresh link stays where they are; the link stays usable.
    await seedTeam({ directorId: 3010, name: "Other" });
    const fresh = await makeInvite("manager", 1);
    const other = bot.user({ id: 3010, firstName: "Otto" });
    other.send(`/start ${fresh}`);
    await other.expectReply(/already in another team/);
    expect(await Invite.findById(fresh.slice(4)).lean()).toMatchObject({ usedAt: null });
  });

  it("lets only directors make links, and re-checks forged level buttons", async () => {
    const mark = bot.user({ id: 3002, firstName: "Mark" });
    mark.send("/invite");
    await mark.expectReply("Only a director can do that.");
    mark.tapData(inviteLevelButton.pack({ role: "director", level: "5" }));
    const answer = await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "Only a director can do that.");
    expect(answer.payload.show_alert).toBe(true);
    expect(await Invite.countDocuments({ role: "director", level: 5 })).toBe(0);

    director.tapData("inv.l:owner:9"); // not a role or level we offer
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "This button is no longer active.");
    expect(await Invite.countDocuments({ level: 9 })).toBe(0);
  });
});

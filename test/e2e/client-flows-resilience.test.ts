import { describe, expect, it } from "vitest";
import { Client } from "../../src/clients/client.model.js";
import { Deal } from "../../src/deals/deal.model.js";
import { freshDbName, TestBot } from "../support/app.js";
import { seedClients, seedMember, seedTeam } from "../support/seed.js";

/** Client flows across a redeploy and after a long pause. */
describe("client flows: restart and time-out", () => {
  it("a deal half-entered before a restart is finished after it, once", async () => {
    const bot = await TestBot.start({ dbName: freshDbName("dealrestart") });
    try {
      const { team } = await seedTeam({ directorId: 9101 });
      const m = await seedMember(team, { telegramId: 9102, name: "Mia" });
      await seedClients(team._id, m._id, ["Zeta Foods"]);
      const mia = bot.user({ id: 9102, firstName: "Mia" });
      mia.send("/deal");
      await mia.expectReply(/Which client\?/);
      mia.tap("Zeta Foods");
      await mia.expectReply(/deal amount/);
      mia.send("2500");
      await mia.expectReply(/Profit/);

      await bot.restart();

      mia.tap("Skip ›");
      await mia.expectReply(/Date of the deal\?/);
      mia.tap("Today");
      await mia.expectReply(/A note/);
      mia.tap("Skip ›");
      await mia.expectReply(/Log this deal\?/);
      mia.tap("✔ Confirm");
      await mia.expectReply(/First deal with Zeta Foods/);
      expect(await Deal.countDocuments({})).toBe(1);
      expect((await Client.findOne({ name: "Zeta Foods" }).lean())!.dealCount).toBe(1);
    } finally {
      await bot.stop();
    }
  });

  it("a new client left unanswered is closed politely and nothing is saved", async () => {
    const bot = await TestBot.start({ dbName: freshDbName("clienttimeout"), env: { CONVERSATION_TIMEOUT_SECONDS: "1" } });
    try {
      const { team } = await seedTeam({ directorId: 9201 });
      await seedMember(team, { telegramId: 9202, name: "Leo" });
      const leo = bot.user({ id: 9202, firstName: "Leo" });
      leo.send("/newclient");
      await leo.expectReply(/Client's name/);
      leo.send("Eta Logistics");
      await leo.expectReply(/Business or private/);
      await new Promise((r) => setTimeout(r, 1200));
      leo.tap("B2B");
      await leo.expectReply(/left open too long/);
      expect(await Client.countDocuments({ name: "Eta Logistics" })).toBe(0);
      // The next command works normally.
      leo.send("/clients");
      await leo.expectReply(/No clients here/);
    } finally {
      await bot.stop();
    }
  });
});

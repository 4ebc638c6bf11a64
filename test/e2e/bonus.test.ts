import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BonusAudit, BonusLine } from "../../src/bonuses/bonus-line.model.js";
import { Deal } from "../../src/deals/deal.model.js";
import { ManualClock } from "../../src/shared/clock.js";
import { Member } from "../../src/teams/member.model.js";
import { Team } from "../../src/teams/team.model.js";
import { planMultiplierButton, planSwitchButton, planValueButton } from "../../src/telegram/bonuses/callbacks.js";
import { clientCardButton } from "../../src/telegram/clients/callbacks.js";
import { clientDealsButton, dealCardButton, dealDeleteConfirmButton, dealEditButton, logDealButton } from "../../src/telegram/deals/callbacks.js";
import { freshDbName, TestBot } from "../support/app.js";
import { seedClients, seedMember, seedTeam } from "../support/seed.js";
import type { TelegramUser } from "../harness/telegram-user.js";

/**
 * The spec's worked examples A and B, lived through the bot month by month
 * (Moscow time, 2026): the director sets the plan, managers log the deals and
 * mark clients lost, the clock moves, statements, holdback releases and
 * forfeits arrive, and the director's CSV matches the lines.
 */
describe("new-client bonuses: worked examples A and B", () => {
  const clock = new ManualClock(new Date("2026-01-05T07:00:00Z"));
  let bot: TestBot;
  let dana: TelegramUser;
  let anna: TelegramUser;
  let boris: TelegramUser;
  const ids: Record<string, string> = {};

  const at = async (iso: string) => {
    clock.set(iso);
    const since = bot.fake.nextCallIndex;
    await bot.app.agenda.now("team.clock");
    return since;
  };
  const accrued = (n: number) => expect.poll(() => BonusLine.countDocuments({ voidedAt: null }), { timeout: 8000 }).toBe(n);

  async function logDeal(user: TelegramUser, client: string, amount: string) {
    user.send("/deal");
    await user.expectReply(/Which client\?/);
    user.send(client);
    await user.expectReply(/deal amount/);
    user.send(amount);
    await user.expectReply(/Profit/);
    user.tap("Skip ›");
    await user.expectReply(/Date of the deal/);
    user.tap("Today");
    await user.expectReply(/A note/);
    user.tap("Skip ›");
    await user.expectReply(/Log this deal\?/);
    user.tap("✔ Confirm");
    await user.expectReply(/Logged\./);
  }

  /** Opens a client's card the way a user does: /find, then the client's button (labels, not payloads). */
  async function openCard(user: TelegramUser, client: string) {
    user.send(`/find ${client}`);
    await user.expectReply(/Found for/);
    user.tap(new RegExp(`^${client}`));
    return user.expectReply(new RegExp(`^${client}`));
  }

  async function markLost(user: TelegramUser, client: string) {
    await openCard(user, client);
    user.tap("❌ Mark lost");
    await user.expectReply(/Why is the client lost/);
    user.tap("Went to a competitor");
    await user.expectReply(/Marked lost/);
  }

  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("bonus"), clock });
    const { team } = await seedTeam({ directorId: 9601, name: "Bonus Co", timezone: "Europe/Moscow", country: "RU", currency: "EUR" });
    // Native update: mongoose treats createdAt as immutable and would drop it.
    await Team.collection.updateOne({ _id: team._id }, { $set: { createdAt: new Date("2025-12-01T00:00:00Z") } });
    const a = await seedMember(team, { telegramId: 9602, name: "Anna" });
    const b = await seedMember(team, { telegramId: 9603, name: "Boris" });
    const [c1] = await seedClients(team._id, a._id, ["Client One"], new Date("2025-12-15T00:00:00Z"));
    ids["Client One"] = String(c1!._id);
    const ds = await seedClients(team._id, b._id, ["D1 Foods", "D2 Foods", "D3 Foods", "D4 Foods", "D5 Foods"], new Date("2025-12-15T00:00:00Z"));
    ds.forEach((d) => (ids[d.name] = String(d._id)));
    dana = bot.user({ id: 9601, firstName: "Dana" });
    anna = bot.user({ id: 9602, firstName: "Anna" });
    boris = bot.user({ id: 9603, firstName: "Boris" });
  });
  afterAll(() => bot.stop());

  it("lets the director set the plan with validation", async () => {
    dana.send("/bonus");
    await dana.expectReply(/Team bonuses, January 2026 to date/);
    dana.tap("⚙️ Bonus plan");
    await dana.expectReply(/Base rate 2% on every deal[\s\S]*× 3[\s\S]*held 3 months[\s\S]*New-client bonus: €0\.00/);
    dana.tap("New-client bonus");
    await dana.expectReply(/Fixed bonus for each new client/);
    dana.send("-5");
    await dana.expectReply(/cannot be negative/);
    dana.send("1 000");
    await dana.expectReply("Saved. It applies to deals logged from now on.");
    dana.send("/bonus");
    await dana.expectReply(/Team bonuses/);
    dana.tap("⚙️ Bonus plan");
    await dana.expectReply(/New-client bonus: €1,000\.00/);
    dana.tap("Base rate");
    await dana.expectReply(/Base rate in percent/);
    dana.send("150");
    await dana.expectReply(/percentage between 0 and 100/);
    dana.send("2");
    await dana.expectReply(/Saved/);
    anna.send("/bonus");
    await anna.expectReply("No bonus lines yet this month. Log a deal with /deal.");
  });

  it("January: first deals earn base, held uplift and the acquisition bonus", async () => {
    clock.set("2026-01-10T07:00:00Z");
    await logDeal(anna, "Client One", "100 000");
    for (const d of ["D1 Foods", "D2 Foods", "D3 Foods", "D4 Foods", "D5 Foods"]) await logDeal(boris, d, "50000");
    await accrued(3 + 5 * 3);

    anna.send("/bonus");
    const mtd = await anna.expectReply(/Your bonus, January 2026 to date/);
    expect(mtd.text).toContain("Payable: €3,000.00");
    expect(mtd.text).toContain("Held: €4,000.00\n• €4,000.00 until 10.04.2026");

    await at("2026-02-01T06:05:00Z"); // 09:05 Moscow on the 1st
    const jan = await anna.expectReply(/Bonus statement for January 2026/, { timeoutMs: 8000 });
    expect(jan.text).toContain("Payable: €3,000.00");
    expect(jan.text).toContain("Base €2,000.00 · uplift €0.00 · new-client bonus €1,000.00");
    expect(jan.text).toContain("• €4,000.00 until 10.04.2026");
    expect(jan.text).toMatch(/10\.01 Client One · base 2% · €2,000\.00/);
    const janB = await boris.expectReply(/Bonus statement for January 2026/, { timeoutMs: 8000 });
    expect(janB.text).toContain("Payable: €10,000.00");
    expect(janB.text).toContain("Base €5,000.00 · uplift €0.00 · new-client bonus €5,000.00");
    expect(janB.text).toContain("Held: €10,000.00");

    await dana.expectReply(/Team bonuses for January 2026[\s\S]*Anna: payable €3,000\.00, held €4,000\.00[\s\S]*Total: payable €13,000\.00, held €14,000\.00/, { timeoutMs: 8000 });
    const csvCall = await bot.fake.waitForCall((c) => c.method === "sendDocument" && String(c.payload.chat_id) === "9601");
    const rows = parse<Record<string, string>>(csvCall.files!.document!.content.toString("utf8"), { columns: true, bom: true });
    expect(rows).toHaveLength(12); // Anna: base + acquisition; Boris: 5 × (base + acquisition); uplifts belong to April
    const sum = rows.reduce((s, r) => s + Math.round(Number(r.amount) * 100), 0);
    const lines = await BonusLine.find({ payableMonth: "2026-01" }).lean();
    expect(sum).toBe(lines.reduce((s, l) => s + l.amountMinor, 0));
    expect(rows.find((r) => r.manager === "Anna" && r.kind === "base")).toMatchObject({ client: "Client One", amount: "2000.00", rate_percent: "2", status: "payable" });

    // A second tick on the same day sends nothing again.
    const since = await at("2026-02-01T07:05:00Z");
    await new Promise((r) => setTimeout(r, 800));
    expect(bot.fake.calls.slice(since).filter((c) => /Bonus statement/.test(String(c.payload.text)))).toEqual([]);
  });

  it("February and March: halving to base, and clients lost", async () => {
    clock.set("2026-02-03T07:00:00Z");
    await logDeal(anna, "Client One", "50000");
    clock.set("2026-02-15T07:00:00Z");
    await markLost(boris, "D1 Foods");
    await accrued(18 + 2);
    const mar = await at("2026-03-01T06:05:00Z");
    const feb = await anna.expectReply(/Bonus statement for February 2026/, { timeoutMs: 8000 });
    expect(feb.text).toContain("Payable: €1,000.00");
    expect(feb.text).toContain("• €4,000.00 until 10.04.2026\n• €500.00 until 03.05.2026");
    expect(bot.fake.calls.slice(mar).some((c) => String(c.payload.chat_id) === "9603" && /February/.test(String(c.payload.text)))).toBe(false); // nothing earned

    clock.set("2026-03-01T07:00:00Z");
    await logDeal(anna, "Client One", "40000");
    clock.set("2026-03-10T07:00:00Z");
    await markLost(boris, "D2 Foods");
    await markLost(boris, "D3 Foods");
    await accrued(20 + 1); // base only: the halved rate reached base
    await at("2026-04-01T06:05:00Z");
    const march = await anna.expectReply(/Bonus statement for March 2026/, { timeoutMs: 8000 });
    expect(march.text).toContain("Payable: €800.00");
    expect(march.text).toMatch(/01\.03 Client One · base 2% · €800\.00/);
  });

  it("April 10: retained clients' uplift is released, lost clients' forfeited, and each manager is told why", async () => {
    await at("2026-04-09T21:05:00Z"); // 00:05 Moscow on April 10
    const a = await anna.expectReply(/💸 Holdback ended:/, { timeoutMs: 8000 });
    expect(a.text).toContain("Released €4,000.00 for Client One (client retained)");
    const b = await boris.expectReply(/💸 Holdback ended:/, { timeoutMs: 8000 });
    expect((String(b.text).match(/Released €2,000\.00/g) ?? []).length).toBe(2);
    expect((String(b.text).match(/Forfeited €2,000\.00 for D\d Foods \(client lost\)/g) ?? []).length).toBe(3);

    await at("2026-05-01T06:05:00Z");
    const apr = await anna.expectReply(/Bonus statement for April 2026/, { timeoutMs: 8000 });
    expect(apr.text).toContain("Payable: €4,000.00");
    expect(apr.text).toContain("Released from holdback this month: €4,000.00");
    expect(apr.text).toContain("• €500.00 until 03.05.2026");
    const aprB = await boris.expectReply(/Bonus statement for April 2026/, { timeoutMs: 8000 });
    expect(aprB.text).toContain("Payable: €4,000.00");
    expect(aprB.text).toContain("Forfeited: €6,000.00\n• €6,000.00 (3): client lost");
  });

  it("a corrected deal recomputes its lines with an audit trail; a deleted one stops counting", async () => {
    clock.set("2026-05-05T07:00:00Z");
    await openCard(anna, "Client One");
    anna.tap("💰 Deals");
    await anna.expectReply(/Deals of Client One/);
    anna.tap(/^No\. 3 ·/);
    await anna.expectReply(/Deal no\. 3 of 01\.03\.2026/);
    anna.tap("✏️ Amount");
    await anna.expectReply(/The correct amount/);
    anna.send("abc");
    await anna.expectReply(/does not look like an amount/);
    anna.send("45000");
    const corrected = await anna.expectReply(/Deal corrected/);
    const deal3 = await Deal.findOne({ clientId: ids["Client One"], sequence: 3 }).lean();
    // The way back to the card is the clients feature's own button.
    expect(JSON.stringify(corrected.reply_markup)).toContain(clientCardButton.pack({ clientId: ids["Client One"]!, page: 0 }));
    // The bonus engine takes the change in through its job.
    await expect.poll(async () => (await BonusLine.findOne({ dealId: deal3!._id, kind: "base" }).lean())?.amountMinor, { timeout: 8000 }).toBe(90_000);
    const audit = await BonusAudit.findOne({ action: "deal-edited" }).lean();
    expect(audit).toMatchObject({ before: [{ kind: "base", amountMinor: 80_000, status: "payable" }], after: [{ kind: "base", amountMinor: 90_000, status: "payable" }] });

    boris.tapData(dealCardButton.pack({ dealId: String(deal3!._id) })); // not his deal
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "That deal is not one you can change.");
    boris.tapData(dealEditButton.pack({ dealId: String(deal3!._id), field: "amount" }));
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "That deal is not one you can change." && String(c.payload.callback_query_id).startsWith("9603"));
    boris.tapData(dealDeleteConfirmButton.pack({ dealId: String(deal3!._id) }));
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "That deal is not one you can change." && String(c.payload.callback_query_id).startsWith("9603"));
    expect((await Deal.findById(deal3!._id).lean())!.deletedAt).toBeNull();

    await openCard(anna, "Client One");
    anna.tap("💰 Deals");
    await anna.expectReply(/Deals of Client One/);
    anna.tap(/^No\. 3 ·/);
    await anna.expectReply(/Deal no\. 3/);
    anna.tap("🗑 Delete");
    await anna.expectReply(/Delete deal no\. 3\?/);
    anna.tap("Yes, delete it");
    await anna.expectReply(/Deal deleted/);
    await expect.poll(() => BonusLine.countDocuments({ dealId: deal3!._id, voidedAt: null }), { timeout: 8000 }).toBe(0);
    await expect.poll(() => BonusAudit.countDocuments({ action: "deal-deleted" }), { timeout: 8000 }).toBe(1);
    await openCard(anna, "Client One");
    expect(anna.lastMessage()?.text).toMatch(/Deals: 2 \(first 10\.01\.2026, last 03\.02\.2026\)/);
  });

  it("a member deactivated in the middle of a conversation is refused at the step that writes, and nothing is saved", async () => {
    const other = await seedTeam({ directorId: 9701, name: "Ghost Co", currency: "EUR" });
    const ghost = await seedMember(other.team, { telegramId: 9702, name: "Ghost" });
    const [client] = await seedClients(other.team._id, ghost._id, ["Haunted Ltd"]);
    const ghostUser = bot.user({ id: 9702, firstName: "Ghost" });
    const director = bot.user({ id: 9701, firstName: "Gina" });

    ghostUser.send("/deal");
    await ghostUser.expectReply(/Which client\?/);
    ghostUser.tap("Haunted Ltd");
    await ghostUser.expectReply(/deal amount/);
    ghostUser.send("1000");
    await ghostUser.expectReply(/Profit/);
    ghostUser.tap("Skip ›");
    await ghostUser.expectReply(/Date of the deal/);
    ghostUser.tap("Today");
    await ghostUser.expectReply(/A note/);
    ghostUser.tap("Skip ›");
    await ghostUser.expectReply(/Log this deal\?/);
    await Member.updateOne({ _id: ghost._id }, { $set: { active: false } });
    ghostUser.tap("✔ Confirm");
    await ghostUser.expectReply("You are no longer an active member of this team, so this was not saved.");
    expect(await Deal.countDocuments({ clientId: client!._id })).toBe(0);

    director.send("/bonus");
    await director.expectReply(/Team bonuses/);
    director.tap("⚙️ Bonus plan");
    await director.expectReply(/Bonus plan/);
    director.tap("Holdback months");
    await director.expectReply(/For how many months/);
    await Member.updateOne({ _id: other.member._id }, { $set: { active: false } });
    director.send("6");
    await director.expectReply("You are no longer an active member of this team, so this was not saved.");
    expect((await Team.findById(other.team._id).lean())!.settings.bonus.holdbackMonths).toBe(3);
  });

  it("answers forged and malformed deal and plan buttons as expired, and changes nothing", async () => {
    const dealId = String((await Deal.findOne({ clientId: ids["Client One"], sequence: 1 }).lean())!._id);
    const before = (await Team.findOne({ name: "Bonus Co" }).lean())!.settings.bonus;
    const expired = async (user: TelegramUser, data: string) => {
      const since = bot.fake.nextCallIndex;
      user.tapData(data);
      await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "This button is no longer active.", 4000, since);
    };
    for (const data of [
      "dl.v:not-an-id",
      `dl.v:${dealId}:extra`,
      "dl.ls",
      `dl.e:${dealId}:note`,
      "dl.lp:zzzzzzzzzzzzzzzzzzzzzzzz:0",
      `dl.new:${dealId.toUpperCase()}`,
      "dl.xok:-",
    ]) {
      await expired(anna, data);
    }
    for (const data of ["bp.x:7", "bp.x:0", "bp.t:baseRateBp:1", "bp.t:halving:yes", "bp.r:never", "bp.n:newClientMultiplier", "bp.m:extra"]) {
      await expired(dana, data);
    }
    expect((await Team.findOne({ name: "Bonus Co" }).lean())!.settings.bonus).toEqual(before);
    expect(await Deal.countDocuments({ deletedAt: { $ne: null } })).toBe(1);

    // Well-formed plan buttons are for directors only.
    anna.tapData(planMultiplierButton.pack({ multiplier: "1" }));
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "Only a director can do that.");
    anna.tapData(planSwitchButton.pack({ setting: "halving", on: false }));
    anna.tapData(planValueButton.pack({ setting: "baseRateBp" }));
    await anna.expectNoReply(500);
    expect((await Team.findOne({ name: "Bonus Co" }).lean())!.settings.bonus).toEqual(before);
    // Another team's client through the deals buttons: refused the same way as a forged id.
    const other = await seedTeam({ directorId: 9690, name: "Elsewhere" });
    const [foreign] = await seedClients(other.team._id, other.member._id, ["Foreign Co"]);
    anna.tapData(clientDealsButton.pack({ clientId: String(foreign!._id) }));
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "That deal is not one you can change." && String(c.payload.callback_query_id).startsWith("9602"));
    anna.tapData(logDealButton.pack({ clientId: String(foreign!._id) }));
    await anna.expectReply(/Which client\?/); // the conversation re-checks the client and asks instead
    anna.send("/cancel");
    await anna.expectReply(/Cancelled/);
    expect(bot.errorsLogged()).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mongoose from "mongoose";
import { ClientEvent } from "../../src/clients/client-event.model.js";
import { Client } from "../../src/clients/client.model.js";
import { Deal } from "../../src/deals/deal.model.js";
import { Delivery } from "../../src/outbound/delivery.model.js";
import { Member } from "../../src/teams/member.model.js";
import { keyboardFits } from "../../src/telegram/limits.js";
import { ManualClock } from "../../src/shared/clock.js";
import {
  clientCardButton,
  clientFlagButton,
  clientKindButton,
  editClientButton,
  editFieldButton,
  logContactButton,
  markLostButton,
  reactivateButton,
} from "../../src/telegram/clients/callbacks.js";
import { logDealButton } from "../../src/telegram/deals/callbacks.js";
import { FakeBotApi } from "../harness/fake-bot-api.js";
import { freshDbName, TestBot } from "../support/app.js";
import { seedClients, seedMember, seedTeam } from "../support/seed.js";

const DAY = 24 * 3600 * 1000;

/**
 * A manager's day through the fake Bot API: add clients (with every bad
 * answer re-asked), duplicates, contacts with reminders, deals, lists, card,
 * search, edits — and another manager's clients staying out of reach.
 */
describe("managers' daily work", () => {
  // The bot's clock runs two days behind real time, so reminders it schedules "tomorrow" are due now.
  const clock = new ManualClock(new Date(Date.now() - 2 * DAY));
  let bot: TestBot;
  let mark: ReturnType<TestBot["user"]>;
  let nina: ReturnType<TestBot["user"]>;
  let dana: ReturnType<TestBot["user"]>;

  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("clients"), clock });
    const { team } = await seedTeam({ directorId: 9001, name: "Acme Sales", timezone: "Europe/Berlin", country: "DE", currency: "EUR" });
    await seedMember(team, { telegramId: 9002, name: "Mark", level: 2 });
    await seedMember(team, { telegramId: 9003, name: "Nina", level: 2 });
    dana = bot.user({ id: 9001, firstName: "Dana" });
    mark = bot.user({ id: 9002, firstName: "Mark" });
    nina = bot.user({ id: 9003, firstName: "Nina" });
  });
  afterAll(() => bot.stop());

  it("adds a client step by step, re-asking on every bad answer", async () => {
    mark.send("/newclient");
    await mark.expectReply(/Client's name/);
    mark.send("A");
    await mark.expectReply(/2 to 120 characters[\s\S]*Client's name/);
    mark.send("Alpha GmbH");
    await mark.expectReply(/Business or private/);
    mark.send("b2b"); // typed instead of tapped
    await mark.expectReply(/Please use the buttons/);
    mark.tap("B2B");
    await mark.expectReply(/key account/);
    mark.tap("Yes");
    await mark.expectReply(/Phone number\?/);
    mark.send("12");
    await mark.expectReply(/not a valid phone number/);
    mark.send("030 1234567"); // national format, read as German (the team's country)
    await mark.expectReply(/Email\?/);
    mark.send("not-an-email");
    await mark.expectReply(/not a valid email/);
    mark.send("Info@Alpha.de");
    await mark.expectReply(/Contact person\?/);
    mark.tap("Skip ›");
    await mark.expectReply(/source/);
    mark.send("Trade fair");
    await mark.expectReply(/A note\?/);
    mark.tap("Skip ›");
    const summary = await mark.expectReply(/Add this client\?/);
    expect(summary.text).toContain("Phone: +49301234567");
    expect(summary.text).toContain("Email: info@alpha.de");
    mark.tap("✔ Confirm");
    await mark.expectReply("Alpha GmbH is added and is yours.");

    const alpha = await Client.findOne({ name: "Alpha GmbH" }).lean();
    expect(alpha).toMatchObject({ kind: "b2b", keyAccount: true, phones: ["+49301234567"], email: "info@alpha.de", source: "Trade fair", dealCount: 0 });
    expect(String(alpha!.ownerId)).toBe(String(alpha!.acquiredBy));
    // Never bought: rotates 6 months after it was assigned.
    expect(alpha!.rotationDueAt!.getTime()).toBeGreaterThan(clock.now().getTime() + 180 * DAY);
    expect(await ClientEvent.countDocuments({ clientId: alpha!._id, kind: "created" })).toBe(1);
  });

  it("takes the phone from a shared contact", async () => {
    mark.send("/newclient");
    await mark.expectReply(/Client's name/);
    mark.send("Beta Bakery");
    await mark.expectReply(/Business or private/);
    mark.tap("B2C");
    await mark.expectReply(/key account/);
    mark.tap("No");
    await mark.expectReply(/Phone number\?/);
    mark.shareContact("4915123456789", { ownContact: false, firstName: "Bea" });
    await mark.expectReply(/Email\?/);
    mark.tap("Skip ›");
    await mark.expectReply(/Contact person\?/);
    mark.send("Bea");
    await mark.expectReply(/source/);
    mark.tap("Skip ›");
    await mark.expectReply(/A note\?/);
    mark.send("Bakes for weddings");
    await mark.expectReply(/Phone: \+4915123456789/);
    mark.tap("✔ Confirm");
    await mark.expectReply("Beta Bakery is added and is yours.");
  });

  it("stops at a duplicate: another manager's is named, one's own is offered to open", async () => {
    nina.send("/newclient");
    await nina.expectReply(/Client's name/);
    nina.send("Gamma Traders");
    await nina.expectReply(/Business or private/);
    nina.tap("B2B");
    await nina.expectReply(/key account/);
    nina.tap("No");
    await nina.expectReply(/Phone number\?/);
    nina.send("+49 30 1234567"); // Alpha's phone
    await nina.expectReply(/Email\?/);
    nina.tap("Skip ›");
    await nina.expectReply("Alpha GmbH (same phone) is already held by Mark. It was not added a second time.");
    expect(await Client.countDocuments({ name: "Gamma Traders" })).toBe(0);

    mark.send("/newclient");
    await mark.expectReply(/Client's name/);
    mark.send("ALPHA gmbh."); // the same name, written differently
    await mark.expectReply(/Business or private/);
    mark.tap("B2B");
    await mark.expectReply(/key account/);
    mark.tap("No");
    await mark.expectReply(/Phone number\?/);
    mark.tap("Skip ›");
    await mark.expectReply(/Email\?/);
    mark.tap("Skip ›");
    await mark.expectReply("You already have this client: Alpha GmbH (very similar name).");
    mark.tap("Open the card");
    await mark.expectReply(/^Alpha GmbH \(B2B · key account\)/);
  });

  it("cancels a new client half-way, saving nothing", async () => {
    nina.send("/newclient");
    await nina.expectReply(/Client's name/);
    nina.send("Delta Motors");
    await nina.expectReply(/Business or private/);
    nina.send("/cancel");
    await nina.expectReply("Cancelled. Nothing was saved.");
    expect(await Client.countDocuments({ name: "Delta Motors" })).toBe(0);
  });

  it("logs a contact with a follow-up; the reminder comes back with done, snooze and tomorrow", async () => {
    mark.send("/contact");
    await mark.expectReply(/Which client\?/);
    mark.send("zzz");
    await mark.expectReply(/Nothing matches "zzz"/);
    mark.send("bakery"); // one match: picked
    await mark.expectReply(/Beta Bakery: what kind of contact\?/);
    mark.tap("Call");
    await mark.expectReply(/What happened\?/);
    mark.send("Wants a price list");
    await mark.expectReply(/Follow up later\?/);
    mark.send("someday");
    await mark.expectReply(/don't understand that time/);
    mark.tap("Tomorrow 10:00");
    await mark.expectReply(/Logged for Beta Bakery\. I'll remind you on \d\d\.\d\d 10:00\./);

    // Due in the bot's time, which is behind real time: the worker sends it now.
    await mark.expectReply(/⏰ Follow up with Beta Bakery\nLast time \(Call\): Wants a price list/, { timeoutMs: 8000 });
    mark.tap("+1 hour");
    await mark.expectReply(/I'll remind you again on/);
    await mark.expectReply(/⏰ Follow up with Beta Bakery/, { timeoutMs: 8000 });
    mark.tap("✔ Done, log it");
    await mark.expectReply(/Beta Bakery: what kind of contact\?/);
    mark.tap("Meeting");
    await mark.expectReply(/What happened\?/);
    mark.send("Sent the price list in person");
    await mark.expectReply(/Follow up later\?/);
    mark.tap("Skip ›");
    await mark.expectReply("Logged for Beta Bakery.");
    const entries = await ClientEvent.find({ kind: { $in: ["call", "meeting"] } }).sort({ _id: 1 }).lean();
    expect(entries.map((e) => [e.kind, e.followUpState])).toEqual([
      ["call", "done"],
      ["meeting", null],
    ]);
  });

  it("logs deals with friendly amounts and dates, counting each once", async () => {
    mark.send("/deal");
    await mark.expectReply(/Which client\?/);
    mark.tap("Alpha GmbH");
    await mark.expectReply(/Alpha GmbH: deal amount in EUR\?/);
    mark.send("-5");
    await mark.expectReply(/cannot be negative/);
    mark.send("twelve");
    await mark.expectReply(/does not look like an amount/);
    mark.send("12 500,50");
    await mark.expectReply(/Profit/);
    mark.send("3000");
    await mark.expectReply(/Date of the deal\?/);
    mark.send("31.12.2099");
    await mark.expectReply(/in the future/);
    mark.send("31.02.2026");
    await mark.expectReply(/don't understand that date/);
    mark.tap("Today");
    await mark.expectReply(/A note on the deal\?/);
    mark.tap("Skip ›");
    const confirm = await mark.expectReply(/Log this deal\?/);
    expect(confirm.text).toContain("Alpha GmbH: €12,500.50");
    const confirmData = (confirm.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!.callback_data;
    mark.tap("✔ Confirm");
    await mark.expectReply(/🎉 First deal with Alpha GmbH/);

    // The old confirmation button again (answered questions lose their buttons; a client may still send it): no second deal.
    mark.tapData(confirmData, confirm.message_id as number);
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "This question is closed; answer the latest one.");

    mark.send("/deal");
    await mark.expectReply(/Which client\?/);
    mark.tap("Alpha GmbH");
    await mark.expectReply(/deal amount/);
    mark.send("1000");
    await mark.expectReply(/Profit/);
    mark.tap("Skip ›");
    await mark.expectReply(/Date of the deal\?/);
    mark.tap("Yesterday");
    await mark.expectReply(/A note/);
    mark.send("Repeat order");
    await mark.expectReply(/Log this deal\?/);
    mark.tap("✔ Confirm");
    await mark.expectReply(/Deal no\. 2 with Alpha GmbH/);

    const alpha = await Client.findOne({ name: "Alpha GmbH" }).lean();
    const deals = await Deal.find({ clientId: alpha!._id }).sort({ sequence: 1 }).lean();
    expect(deals.map((d) => [d.sequence, d.amountMinor, d.profitMinor])).toEqual([
      [1, 1_250_050, 300_000],
      [2, 100_000, null],
    ]);
    expect(alpha!.dealCount).toBe(2);
    expect(alpha!.firstDealAt!.getTime()).toBeLessThan(alpha!.lastDealAt!.getTime()); // yesterday's deal is the first by date
    expect(String(deals[0]!.managerId)).toBe(String(alpha!.ownerId));
    // The bonus engine is told about each deal once.
    const events = await mongoose.connection.db!.collection("agendaJobs").find({ name: "deal.recorded" }).toArray();
    expect(events.map((j) => j.data.dealId).sort()).toEqual(deals.map((d) => String(d._id)).sort());
  });

  it("lists clients soonest-to-rotate first, with filters, and opens a card with the whole history", async () => {
    mark.send("/clients");
    const list = await mark.expectReply(/Your clients \(Active\), page 1/);
    const labels = (list.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);
    // Beta never bought (6 months); Alpha bought (12 months from the deal): Beta first.
    expect(labels.slice(0, 2)).toEqual([expect.stringMatching(/^Beta Bakery · rotates in 1\d\d days$/), expect.stringMatching(/^⭐ Alpha GmbH · rotates in 3\d\d days$/)]);

    mark.tap("Never bought");
    await mark.expectReply(/Your clients \(Never bought\)/);
    expect(JSON.stringify(mark.lastMessage()?.reply_markup)).not.toContain("Alpha");

    mark.tap(/Beta Bakery/);
    const card = await mark.expectReply(/^Beta Bakery \(B2C\)/);
    expect(card.text).toMatch(/Owner: Mark · rotates in/);
    expect(card.text).toMatch(/Meeting · Mark: Sent the price list in person/);
    expect(card.text).toMatch(/Call · Mark: Wants a price list/);
    expect(card.text).toMatch(/Added by Mark/);
  });

  it("finds by name, phone ending and email, within what the user may see", async () => {
    mark.send("/find 1234567");
    await mark.expectReply(/Found for "1234567"/);
    expect(JSON.stringify(mark.lastMessage()?.reply_markup)).toContain("Alpha GmbH");
    mark.send("/find info@alpha");
    await mark.expectReply(/Found for "info@alpha"/);
    mark.send("/find bakery");
    await mark.expectReply(/Found for "bakery"/);
    mark.send("/find");
    await mark.expectReply(/Type what to look for/);

    nina.send("/find alpha");
    await nina.expectReply('Nothing found for "alpha".');
    dana.send("/find alpha"); // directors see the whole team
    await dana.expectReply(/Found for "alpha"/);
  });

  it("refuses forged payloads for another manager's client", async () => {
    const alpha = await Client.findOne({ name: "Alpha GmbH" }).lean();
    const clientId = String(alpha!._id);
    for (const data of [
      clientCardButton.pack({ clientId, page: 0 }),
      editClientButton.pack({ clientId }),
      editFieldButton.pack({ clientId, field: "name" }),
      clientFlagButton.pack({ clientId, flag: "keyAccount", on: false }),
      clientKindButton.pack({ clientId, kind: "b2c" }),
      markLostButton.pack({ clientId }),
      reactivateButton.pack({ clientId }),
      clientFlagButton.pack({ clientId, flag: "pinned", on: true }),
    ]) {
      const since = bot.fake.nextCallIndex;
      nina.tapData(data);
      await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && /not among yours/.test(String(c.payload.text)), 4000, since);
    }
    // Entering a flow with a forged client id falls back to picking among her own clients (she has none).
    nina.tapData(logDealButton.pack({ clientId }));
    await nina.expectReply(/You have no active clients yet/);
    nina.tapData(logContactButton.pack({ clientId }));
    await nina.expectReply(/You have no active clients yet/);
    expect(await Client.findById(clientId).lean()).toMatchObject({ keyAccount: true, kind: "b2b", status: "active", pinned: false, name: "Alpha GmbH" });
    expect(await Deal.countDocuments({ clientId: alpha!._id })).toBe(2);
  });

  it("answers malformed or outdated buttons as no longer active, and never acts on them", async () => {
    const alpha = await Client.findOne({ name: "Alpha GmbH" }).lean();
    const id = String(alpha!._id);
    const malformed = [
      "cl.v:not-an-id:0", // card
      `cl.v:${id}`, // a field missing
      `cl.v:${id}:0:extra`, // a field too many
      `cl.l:bogus:0:-`, // list: unknown filter
      `cl.l:active:0:${"f".repeat(23)}`, // list: owner neither an id nor "pool"
      `cl.fp:${id}:x!`, // search page
      `cl.ef:${id}:tags`, // a field that is not typed
      `cl.k:${id}:b2x`, // kind
      `cl.fl:${id}:pinned:2`, // flag value
      `cl.lost:${id.toUpperCase()}`,
      `fu.s:${id}:later`, // snooze
      `fu.d:${id.slice(1)}`,
      `cl:L:${id}`, // an old (pre-codec) "mark lost"
      `cl:e:${id}`, // an old "edit"
      "cl.c:" + "a".repeat(60), // over 64 bytes
    ];
    for (const data of malformed) {
      const since = bot.fake.nextCallIndex;
      mark.tapData(data);
      await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "This button is no longer active.", 4000, since);
    }
    const since = bot.fake.nextCallIndex;
    dana.tapData("cl.m:-1"); // owners page (directors only, so a director taps it)
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "This button is no longer active.", 4000, since);
    expect(await Client.findById(id).lean()).toMatchObject({ status: "active", kind: "b2b", keyAccount: true, pinned: false });
    // Card buttons of messages sent before the codecs still open the card.
    mark.tapData(`cl:v:${id}:0`);
    await mark.expectReply(/^Alpha GmbH \(B2B · key account\)/);
  });

  it("edits a field with validation, toggles flags, marks lost and reactivates", async () => {
    mark.send("/clients");
    await mark.expectReply(/Your clients/);
    mark.tap(/Beta Bakery/);
    await mark.expectReply(/^Beta Bakery/);
    mark.tap("✏️ Edit");
    await mark.expectReply(/Beta Bakery: what to change\?/);
    mark.tap("Email");
    await mark.expectReply(/New value for Email\?/);
    mark.send("nope");
    await mark.expectReply(/not a valid email/);
    mark.send("orders@beta.de");
    await mark.expectReply("Email saved.");
    mark.tap("Open the card");
    await mark.expectReply(/✉️ orders@beta\.de[\s\S]*Mark changed Email to "orders@beta\.de"/);

    mark.tap("✏️ Edit");
    await mark.expectReply(/what to change/);
    expect(JSON.stringify(mark.lastMessage()?.reply_markup)).not.toContain("Pin"); // directors only
    mark.tap("⭐ Key account");
    await mark.expectReply(/^Beta Bakery \(B2C · key account\)/);

    mark.tap("❌ Mark lost");
    await mark.expectReply(/Why is the client lost\?/);
    mark.tap("Went to a competitor");
    await mark.expectReply(/Marked lost/);
    expect(await Client.findOne({ name: "Beta Bakery" }).lean()).toMatchObject({ status: "lost", lostReason: "Went to a competitor" });
    mark.tap("Open the card");
    await mark.expectReply(/❌ Lost: Went to a competitor[\s\S]*rotation|does not rotate/);
    mark.tap("↩️ Reactivate");
    await mark.expectReply(/^Beta Bakery[\s\S]*rotates in/);
    expect((await Client.findOne({ name: "Beta Bakery" }).lean())!.status).toBe("active");
  });

  it("lets a director browse the team by manager and pin a client", async () => {
    dana.send("/clients");
    await dana.expectReply(/Team clients \(Active\)/);
    dana.tap("👥 By manager");
    await dana.expectReply("Whose clients?");
    dana.tap("Nina");
    await dana.expectReply(/No clients here/);
    dana.tap("👥 By manager");
    await dana.expectReply("Whose clients?");
    dana.tap("Mark");
    await dana.expectReply(/Team clients/);
    dana.tap(/Alpha GmbH/);
    await dana.expectReply(/^Alpha GmbH/);
    dana.tap("✏️ Edit");
    await dana.expectReply(/what to change/);
    dana.tap("📌 Pin (no rotation)");
    await dana.expectReply(/Alpha GmbH \(B2B · key account · 📌\)[\s\S]*does not rotate/);
  });
});

/**
 * What grows with the team or must wait: /find pages that keep the query on
 * the server, "By manager" paged for big teams, a reminder Telegram asks to
 * hold back, and a member deactivated in the middle of adding a client.
 */
describe("clients at scale and under pressure", () => {
  let bot: TestBot;
  let mark: ReturnType<TestBot["user"]>;
  let nina: ReturnType<TestBot["user"]>;
  let dana: ReturnType<TestBot["user"]>;
  const jobs = () => mongoose.connection.db!.collection("agendaJobs");

  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("clientscale"), env: { OUTBOUND_MAX_WAIT_SECONDS: "1" } });
    const { team } = await seedTeam({ directorId: 9301, name: "Big Sales", timezone: "Asia/Kolkata", country: "IN", currency: "INR" });
    const m = await seedMember(team, { telegramId: 9302, name: "Mark" });
    await seedMember(team, { telegramId: 9303, name: "Nina" });
    for (let i = 0; i < 45; i++) await seedMember(team, { telegramId: 9400 + i, name: `मैनेजर ${String(i).padStart(2, "0")} ${"लंबा नाम ".repeat(6)}` });
    await seedClients(team._id, m._id, Array.from({ length: 10 }, (_, i) => `Zulu Trading ${String(i + 1).padStart(2, "0")}`));
    dana = bot.user({ id: 9301, firstName: "Dana" });
    mark = bot.user({ id: 9302, firstName: "Mark" });
    nina = bot.user({ id: 9303, firstName: "Nina" });
  });
  afterAll(() => bot.stop());

  it("pages /find results by a search id; the query itself stays on the server", async () => {
    mark.send("/find zulu trading");
    const first = await mark.expectReply(/Found for "zulu trading", page 1/);
    const buttons = (first.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat();
    expect(buttons.filter((b) => b.text.startsWith("Zulu Trading"))).toHaveLength(8);
    const next = buttons.find((b) => b.text === "▶")!;
    expect(next.callback_data).toMatch(/^cl\.fp:[0-9a-f]{24}:1$/);
    mark.tap("▶");
    const second = await mark.expectReply(/Found for "zulu trading", page 2/);
    const names = (second.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);
    expect(names.filter((n) => n.startsWith("Zulu Trading"))).toEqual([expect.stringMatching(/^Zulu Trading 09/), expect.stringMatching(/^Zulu Trading 10/)]);

    // Someone else's search id is nothing to them.
    const since = bot.fake.nextCallIndex;
    nina.tapData(next.callback_data);
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "This button is no longer active.", 4000, since);
  });

  it("pages the members of a big team under By manager", async () => {
    dana.send("/clients");
    await dana.expectReply(/Team clients \(Active\)/);
    dana.tap("👥 By manager");
    const first = await dana.expectReply(/Whose clients\?\nPage 1 of 3/);
    const rows = (first.reply_markup as { inline_keyboard: unknown[][] }).inline_keyboard;
    expect(keyboardFits(first.reply_markup as never)).toBe(true);
    expect(rows.flat().length).toBeLessThanOrEqual(25);
    dana.tap("▶");
    await dana.expectReply(/Whose clients\?\nPage 2 of 3/);
    dana.tap("▶");
    await dana.expectReply(/Page 3 of 3/);
    dana.tap("free pool");
    await dana.expectReply(/No clients here/);
  });

  it("keeps a reminder Telegram asks to hold back pending, and the job's retry delivers it once", async () => {
    mark.send("/contact");
    await mark.expectReply(/Which client\?/);
    mark.send("zulu trading 03");
    await mark.expectReply(/Zulu Trading 03: what kind of contact\?/);
    mark.tap("Call");
    await mark.expectReply(/What happened\?/);
    mark.send("Wants a callback");
    await mark.expectReply(/Follow up later\?/);
    mark.tap("In 3 days");
    await mark.expectReply(/Logged for Zulu Trading 03\. I'll remind you on/);

    // Due in three days; Telegram will ask to wait a minute, longer than the bot waits in-process.
    bot.fake.failNext("sendMessage", FakeBotApi.errors.tooManyRequests(60), { chatId: 9302 });
    const since = bot.fake.nextCallIndex;
    await jobs().updateOne({ name: "contact.follow-up" }, { $set: { nextRunAt: new Date() } });
    await bot.fake.waitForCall((c) => c.method === "sendMessage" && !c.response.ok && String(c.payload.chat_id) === "9302", 8000, since);
    await expect.poll(async () => (await jobs().findOne({ name: "contact.follow-up" }))?.failCount, { timeout: 5000 }).toBe(1);
    const pending = await Delivery.findOne({ kind: "follow-up.reminder" }).lean();
    expect(pending).toMatchObject({ status: "pending", partsSent: 0 });
    const job = await jobs().findOne({ name: "contact.follow-up" });
    expect(job!.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 45_000); // not before Telegram's retry_after

    // The retry (brought forward) sends it, once.
    await jobs().updateOne({ name: "contact.follow-up" }, { $set: { nextRunAt: new Date() } });
    await mark.expectReply(/⏰ Follow up with Zulu Trading 03\nLast time \(Call\): Wants a callback/, { timeoutMs: 8000 });
    await expect.poll(async () => (await Delivery.findOne({ kind: "follow-up.reminder" }).lean())?.status, { timeout: 5000 }).toBe("sent");
    const reminders = bot.fake.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === "9302" && /⏰ Follow up/.test(String(c.payload.text)));
    expect(reminders.map((c) => c.response.ok)).toEqual([false, true]);
    expect(await ClientEvent.countDocuments({ kind: "call", followUpState: "sent" })).toBe(1);

    // "Tomorrow" moves it to 10:00 tomorrow, team time (the follow-up parser's rule for a day without a time).
    mark.tap("Tomorrow");
    await mark.expectReply(/I'll remind you again on \d\d\.\d\d 10:00/);
    const entry = await ClientEvent.findOne({ kind: "call" }).lean();
    expect(entry).toMatchObject({ followUpState: "scheduled" });
    const job2 = await jobs().findOne({ name: "contact.follow-up" });
    expect(job2!.data.dueAt).toBe((entry as { followUpAt: Date }).followUpAt.toISOString());
  });

  it("a member deactivated half-way through /newclient is told so, and nothing is saved", async () => {
    nina.send("/newclient");
    await nina.expectReply(/Client's name/);
    nina.send("Ghost Trading Ltd");
    await nina.expectReply(/Business or private/);
    nina.tap("B2B");
    await nina.expectReply(/key account/);
    nina.tap("No");
    await nina.expectReply(/Phone number\?/);
    nina.tap("Skip ›");
    await nina.expectReply(/Email\?/);
    nina.tap("Skip ›");
    await nina.expectReply(/Contact person\?/);
    nina.tap("Skip ›");
    await nina.expectReply(/source/);
    nina.tap("Skip ›");
    await nina.expectReply(/A note\?/);
    nina.tap("Skip ›");
    await nina.expectReply(/Add this client\?/);
    await Member.updateOne({ telegramId: 9303 }, { $set: { active: false, deactivatedAt: new Date() } });
    nina.tap("✔ Confirm");
    await nina.expectReply("You are no longer an active member of this team, so this was not saved.");
    expect(await Client.countDocuments({ name: "Ghost Trading Ltd" })).toBe(0);
  });
});

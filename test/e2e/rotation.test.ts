import mongoose, { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientEvent } from "../../src/clients/client-event.model.js";
import { Client } from "../../src/clients/client.model.js";
import { recomputeRotationDue } from "../../src/rotation/recompute-due.js";
import { RotationRun } from "../../src/rotation/rotation-run.model.js";
import { Rotation } from "../../src/rotation/rotation.model.js";
import { ManualClock } from "../../src/shared/clock.js";
import { Member } from "../../src/teams/member.model.js";
import { Team } from "../../src/teams/team.model.js";
import { User } from "../../src/users/user.model.js";
import { RotationPreview } from "../../src/rotation/preview.model.js";
import { reportButton, runConfirmButton, runNowButton, toggleSettingButton } from "../../src/telegram/rotation/callbacks.js";
import { clientCardButton } from "../../src/telegram/clients/callbacks.js";
import { freshDbName, TestBot } from "../support/app.js";
import { seedClients, seedMember, seedTeam } from "../support/seed.js";

const DAY = 24 * 3600 * 1000;
const MONTH = 30 * DAY;

/**
 * Rotation as people see it: the director previews and runs it, managers get
 * one notice each, the new owner files the report, reminders and the overdue
 * warning arrive on time, the nightly clock runs once per night.
 */
describe("client base rotation", () => {
  // 02:30 in Berlin: tonight's run hour (02:00) has passed.
  const clock = new ManualClock(new Date("2026-11-25T01:30:00Z"));
  let bot: TestBot;
  let teamId: string;
  let dana: ReturnType<TestBot["user"]>;
  let mark: ReturnType<TestBot["user"]>;
  let nina: ReturnType<TestBot["user"]>;
  let olaf: ReturnType<TestBot["user"]>;
  const ids: Record<string, string> = {};

  const tick = async () => {
    const since = bot.fake.nextCallIndex;
    await bot.app.agenda.now("team.clock");
    return since;
  };

  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("rotation"), clock });
    const longAgo = new Date(clock.now().getTime() - 14 * MONTH);
    const { team } = await seedTeam({ directorId: 9501, name: "Rotors", timezone: "Europe/Berlin" });
    // Native update: mongoose treats createdAt as immutable and would drop it.
    await Team.collection.updateOne({ _id: team._id }, { $set: { createdAt: longAgo } });
    teamId = String(team._id);
    const m = await seedMember(team, { telegramId: 9502, name: "Mark", level: 1 });
    const n = await seedMember(team, { telegramId: 9503, name: "Nina", level: 1 });
    const o = await seedMember(team, { telegramId: 9504, name: "Olaf", level: 2 });
    await seedMember(team, { telegramId: 9505, name: "Pia", level: 2 });
    const sevenMonthsAgo = new Date(clock.now().getTime() - 7 * MONTH);
    const [alpha, fresh, pinned] = await seedClients(team._id, m._id, ["Alpha", "Fresh", "Pinned"], sevenMonthsAgo);
    await Client.updateOne({ _id: fresh!._id }, { $set: { assignedAt: new Date(clock.now().getTime() - 2 * MONTH) } });
    await Client.updateOne({ _id: pinned!._id }, { $set: { pinned: true } });
    const [beta] = await seedClients(team._id, n._id, ["Beta"], sevenMonthsAgo);
    // Lapsed: bought 13 months ago, nothing since.
    const [gamma] = await seedClients(team._id, o._id, ["Gamma"], longAgo);
    await Client.updateOne({ _id: gamma!._id }, { $set: { dealCount: 1, lastDealAt: new Date(clock.now().getTime() - 13 * MONTH), firstDealAt: longAgo } });
    const [pool] = await seedClients(team._id, null, ["Pooled"], longAgo);
    Object.assign(ids, { alpha: String(alpha!._id), beta: String(beta!._id), gamma: String(gamma!._id), pool: String(pool!._id), fresh: String(fresh!._id) });
    // Stored due dates follow the data set up above.
    await recomputeRotationDue(team._id);

    dana = bot.user({ id: 9501, firstName: "Dana" });
    mark = bot.user({ id: 9502, firstName: "Mark" });
    nina = bot.user({ id: 9503, firstName: "Nina" });
    olaf = bot.user({ id: 9504, firstName: "Olaf" });
    bot.user({ id: 9505, firstName: "Pia" });
  });
  afterAll(() => bot.stop());

  it("shows the director the settings and a preview of who moves where and why", async () => {
    mark.send("/rotation");
    await mark.expectReply("Only a director can do that.");
    dana.send("/rotation");
    await dana.expectReply(/Rotation: on, nightly at 02:00[\s\S]*after 6 months[\s\S]*after 12 months[\s\S]*within 7 days/);
    dana.tap("👁 Preview the next run");
    const preview = await dana.expectReply(/Next run 26\.11\.2026 02:00: 4 clients would move\./);
    expect(preview.text).toContain("• Alpha: Mark → Nina (rotation: never bought)");
    expect(preview.text).toContain("• Beta: Nina → Mark (rotation: never bought)");
    expect(preview.text).toContain("• Gamma: Olaf → Pia (rotation: no deals for long)");
    expect(preview.text).toContain("• Pooled: free pool → Olaf (from the free pool)");
    expect(preview.text).toMatch(/Olaf: gave 1, received 1 \(from the pool 1\)/);
    expect(await RotationRun.countDocuments({})).toBe(0); // a preview stores nothing
  });

  it("runs now after confirmation: one notice per manager, a summary for the director", async () => {
    dana.tap("▶️ Run now");
    await dana.expectReply(/Run the rotation now\?/);
    dana.tap("✔ Yes, run it now");
    await dana.expectReply(/Rotation started/);
    const notice = await nina.expectReply(/🔁 Client rotation\n\nYou received 1 client:\n• Alpha: rotation: never bought, from Mark/, { timeoutMs: 8000 });
    expect(notice.text).toMatch(/You handed over 1 client:\n• Beta → Mark/);
    expect(notice.text).toContain("report on each by 02.12.2026");
    await mark.expectReply(/You received 1 client:\n• Beta/);
    await olaf.expectReply(/You received 1 client:\n• Pooled: from the free pool, from free pool[\s\S]*You handed over 1 client:\n• Gamma → Pia/);
    const summary = await dana.expectReply(/🔁 Rotation 25\.11\.2026 02:30 \(run by a director\)/, { timeoutMs: 8000 });
    expect(summary.text).toContain("Moved: 4. Skipped (changed since planning): 0.");
    expect(summary.text).toContain("Mark: gave 1, received 1 (from the pool 0)");

    // Tapping the old confirmation again starts nothing new.
    const confirmData = bot.fake.calls.find((c) => c.method === "editMessageText" && /Run the rotation now/.test(String(c.payload.text)))!.payload
      .reply_markup as { inline_keyboard: { callback_data: string }[][] };
    dana.tapData(confirmData.inline_keyboard[0]![0]!.callback_data);
    await dana.expectReply(/Rotation started/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await RotationRun.countDocuments({})).toBe(1);
    expect(bot.fake.callsTo("sendMessage").filter((c) => String(c.payload.chat_id) === "9503" && /Client rotation/.test(String(c.payload.text)))).toHaveLength(1);
  });

  it("lists the run under past runs", async () => {
    dana.send("/rotation");
    await dana.expectReply(/Rotation: on/);
    dana.tap("📜 Past runs");
    await dana.expectReply("Past runs:\n• 25.11.2026 02:30 (run by a director): moved 4, skipped 0");
  });

  it("starts a manual run only from a real preview: forged, foreign, expired and malformed buttons start nothing", async () => {
    const runJobs = () => mongoose.connection.db!.collection("agendaJobs").countDocuments({ name: "rotation.run" });
    const [runsBefore, jobsBefore] = [await RotationRun.countDocuments({}), await runJobs()];
    const real = (await RotationPreview.findOne({ teamId }).lean())!._id;
    const now = clock.now().getTime();
    await RotationPreview.create([
      { _id: "otherTeam123", teamId: new Types.ObjectId(), memberId: new Types.ObjectId(), seed: "x", createdAt: new Date(now), expiresAt: new Date(now + 3600_000), storedAt: new Date() },
      { _id: "expired12345", teamId, memberId: new Types.ObjectId(), seed: "x", createdAt: new Date(now - 7200_000), expiresAt: new Date(now - 1), storedAt: new Date() },
    ]);
    const answered = async (user: typeof dana, data: string, text: string) => {
      const since = bot.fake.nextCallIndex;
      user.tapData(data);
      await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === text, 5000, since);
    };
    const expired = "This button is no longer active.";
    for (const token of ["forged123456", "otherTeam123", "expired12345"]) {
      await answered(dana, runConfirmButton.pack({ token }), expired);
      await answered(dana, runNowButton.pack({ token }), expired);
    }
    // Malformed or old-format payloads of every rotation button family.
    for (const data of ["rot:go:abc", "rot.go:a b", `rot.go:${"a".repeat(40)}`, "rot.c:", "rot.t:runAt", "rot.n:enabled", "rot.h:-", "rot.m:x", "rr:zzz", "rr.ls:-1"]) {
      await answered(dana, data, expired);
    }
    // A real preview's token in a manager's hands: not a director.
    await answered(mark, runConfirmButton.pack({ token: real }), "Only a director can do that.");
    await new Promise((r) => setTimeout(r, 300));
    expect(await RotationRun.countDocuments({})).toBe(runsBefore);
    expect(await runJobs()).toBe(jobsBefore);
  });

  it("hands the history to the new owner and takes access from the old one", async () => {
    nina.tapData(clientCardButton.pack({ clientId: ids.alpha!, page: 0 }));
    const card = await nina.expectReply(/^Alpha \(B2B\)\nOwner: Nina/);
    expect(card.text).toMatch(/🔁 Owner Mark → Nina \(rotation: never bought\)/);
    mark.tapData(clientCardButton.pack({ clientId: ids.alpha!, page: 0 }));
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && /not among yours/.test(String(c.payload.text)));
    const alpha = await Client.findById(ids.alpha).lean();
    expect(alpha!.ownership.map((o) => o.reason)).toEqual(["created", "never-bought"]);
    expect(await ClientEvent.countDocuments({ clientId: alpha!._id, kind: "owner" })).toBe(1);
  });

  it("takes the processing report from the notice", async () => {
    nina.tap("📝 Report");
    await nina.expectReply(/Report on Alpha: what came of it\?/);
    nina.send("fine");
    await nina.expectReply(/Please use the buttons/);
    nina.tap("Reached, interested");
    await nina.expectReply(/A comment/);
    nina.send("Wants a demo next week");
    await nina.expectReply("Report on Alpha saved. Thank you.");
    expect((await Rotation.findOne({ clientId: ids.alpha }).lean())!.report).toMatchObject({ outcome: "reached-interested", comment: "Wants a demo next week" });
    nina.send("/reports");
    await nina.expectReply("No reports due. 👍");
    mark.send("/reports");
    await mark.expectReply(/Reports due: 1\./);
    expect(JSON.stringify(mark.lastMessage()?.reply_markup)).toContain("Beta · 02.12");
  });

  it("files no report on someone else's client, nor for a manager deactivated mid-report", async () => {
    mark.tapData(reportButton.pack({ clientId: ids.alpha! })); // Nina's client now
    await mark.expectReply("There is no report due on this client.");

    olaf.tapData(reportButton.pack({ clientId: ids.pool! }));
    await olaf.expectReply("Report on Pooled: what came of it?");
    olaf.tap("Unreachable");
    await olaf.expectReply(/A comment/);
    await Member.updateOne({ telegramId: 9504 }, { $set: { active: false } });
    olaf.send("Nobody answers");
    await olaf.expectReply("You are no longer an active member of this team, so this was not saved.");
    expect((await Rotation.findOne({ clientId: ids.pool }).lean())!.report).toBeNull();
    await Member.updateOne({ telegramId: 9504 }, { $set: { active: true } });
  });

  it("reminds the day before and on the day, then tells the director once", async () => {
    clock.set("2026-12-01T08:05:00Z"); // 09:05 Berlin, the day before
    await tick();
    await mark.expectReply(/Tomorrow is the last day for your report on Beta \(due 02\.12\.2026\)/, { timeoutMs: 8000 });
    clock.set("2026-12-02T08:05:00Z");
    await tick();
    await mark.expectReply(/Today is the last day for your report on Beta/, { timeoutMs: 8000 });
    clock.set("2026-12-03T00:05:00Z"); // past the end of 02.12 Berlin
    await tick();
    await dana.expectReply(/⚠️ Mark has not filed the report on Beta \(was due 02\.12\.2026\)/, { timeoutMs: 8000 });
    await new Promise((r) => setTimeout(r, 800));
    // Beta (Mark), Pooled (Olaf) and Gamma (Pia): once each; Alpha's report was filed.
    const overdue = () => bot.fake.callsTo("sendMessage").filter((c) => /has not filed/.test(String(c.payload.text)));
    expect(overdue().map((c) => String(c.payload.text).match(/on (\w+)/)![1]).sort()).toEqual(["Beta", "Gamma", "Pooled"]);
    const before = bot.fake.callsTo("sendMessage").length;
    await tick();
    await new Promise((r) => setTimeout(r, 800));
    expect(bot.fake.callsTo("sendMessage").length - before).toBe(0);
  });

  it("runs nightly from the team clock once per night, after its hour", async () => {
    const nightly = async () => (await RotationRun.find({ teamId, kind: "nightly" }, { _id: 1 }).lean()).map((r) => r._id.split(":")[1]).sort();
    // The ticks above ran at 09:05 on 01.12 and 02.12 (after 02:00: nightly runs) and at 01:05 on 03.12 (before: none).
    expect(await nightly()).toEqual(["2026-12-01", "2026-12-02"]);
    clock.set("2026-12-04T00:30:00Z"); // 01:30 Berlin: not yet
    await tick();
    await new Promise((r) => setTimeout(r, 500));
    expect(await nightly()).toEqual(["2026-12-01", "2026-12-02"]);
    clock.set("2026-12-04T01:10:00Z"); // 02:10 Berlin
    await tick();
    await expect.poll(nightly, { timeout: 8000 }).toEqual(["2026-12-01", "2026-12-02", "2026-12-04"]);
    await tick();
    await new Promise((r) => setTimeout(r, 500));
    expect(await nightly()).toEqual(["2026-12-01", "2026-12-02", "2026-12-04"]);
    // Nothing was due on those nights: no summary for the director.
    expect(bot.fake.callsTo("sendMessage").filter((c) => /\(nightly\)/.test(String(c.payload.text)))).toHaveLength(0);
  });

  it("edits the rules with validation and moves every client's rotation date", async () => {
    const fresh = () => Client.findById(ids.fresh).lean();
    const before = (await fresh())!.rotationDueAt!.getTime();
    dana.send("/rotation");
    await dana.expectReply(/Rotation: on/);
    dana.tap("⚙️ Settings");
    await dana.expectReply(/Rotation: on/);
    dana.tap("Never bought, months: 6");
    await dana.expectReply(/After how many months with one owner/);
    dana.send("soon");
    await dana.expectReply(/whole number in the range/);
    dana.send("0");
    await dana.expectReply(/whole number in the range/);
    dana.send("4");
    await dana.expectReply("Saved. Clients' rotation dates are being updated.");
    expect((await Team.findById(teamId).lean())!.settings.rotation.neverBoughtMonths).toBe(4);
    // Fresh was assigned 2 months ago: it now rotates 2 months earlier than before.
    await expect.poll(async () => (await fresh())!.rotationDueAt!.getTime(), { timeout: 8000 }).toBeLessThan(before);

    dana.send("/rotation");
    await dana.expectReply(/after 4 months/);
    dana.tap("⚙️ Settings");
    await dana.expectReply(/Rotation: on/);
    dana.tap("Lapsed rule: on");
    await dana.expectReply(/Lapsed: off/);
    expect((await Team.findById(teamId).lean())!.settings.rotation.lapsedEnabled).toBe(false);
    mark.tapData(toggleSettingButton.pack({ key: "enabled" })); // not a director
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === "Only a director can do that.");
    expect((await Team.findById(teamId).lean())!.settings.rotation.enabled).toBe(true);
  });
  it("pages /reports, and each page's button opens that client's report", async () => {
    const pia = bot.user({ id: 9505, firstName: "Pia" });
    const piaMember = (await Member.findOne({ telegramId: 9505 }).lean())!;
    const received = await seedClients(piaMember.teamId, piaMember._id, Array.from({ length: 23 }, (_, i) => `Received ${String(i).padStart(2, "0")}`));
    const at = clock.now();
    await Rotation.insertMany(
      received.map((c, i) => ({
        _id: `seeded:${String(c._id)}`,
        teamId: piaMember.teamId,
        runId: "seeded",
        clientId: c._id,
        fromId: null,
        toId: piaMember._id,
        reason: "pool-top-up",
        at,
        dueAt: new Date(at.getTime() + (10 + i) * DAY),
        remindBeforeAt: new Date(at.getTime() + (9 + i) * DAY),
        remindOnDayAt: new Date(at.getTime() + (9.5 + i) * DAY),
        report: null,
      })),
    );
    // Gamma (received in the manual run, overdue) and the 23 just received.
    pia.send("/reports");
    const first = await pia.expectReply(/^Reports due: 24\. Tap a client to file one\.\nPage 1 of 3$/);
    expect(JSON.stringify(first.reply_markup)).toContain("Gamma · 02.12");
    pia.tap("▶");
    await pia.expectReply(/Page 2 of 3/);
    pia.tap("▶");
    await pia.expectReply(/Page 3 of 3/);
    const buttons = (pia.lastMessage()!.reply_markup!.inline_keyboard as { text: string }[][]).flat().map((b) => b.text);
    expect(buttons).toEqual(["Received 19 · 02.01", "Received 20 · 03.01", "Received 21 · 04.01", "Received 22 · 05.01", "◀"]);
    pia.tap("Received 21 · 04.01");
    await pia.expectReply("Report on Received 21: what came of it?");
    pia.send("/cancel");
  });
});

/**
 * The bench's team size (issue 13: the preview broke at 80 managers): 200
 * managers with long names, clients with long names, a director who reads
 * Hindi. Every message fits Telegram's limits and "Run now" is reachable.
 */
describe("rotation for a 200-manager team, in Hindi", () => {
  const clock = new ManualClock(new Date("2026-11-25T01:30:00Z"));
  let bot: TestBot;

  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("rotationbig"), clock });
  });
  afterAll(() => bot.stop());

  it("previews, runs and reports on 400 moves with every message within Telegram's limits", async () => {
    const longAgo = new Date(clock.now().getTime() - 14 * MONTH);
    const { team } = await seedTeam({ directorId: 9601, name: "बड़ी टीम", timezone: "Asia/Kolkata", now: longAgo });
    const managers = await Member.insertMany(
      Array.from({ length: 200 }, (_, i) => ({
        teamId: team._id,
        telegramId: 96_100 + i,
        name: `श्रीमती राजलक्ष्मी वेंकटरमण सुब्रमण्यम अय्यर-चट्टोपाध्याय ${i}`.padEnd(64, "ा"),
        role: "manager",
        level: 1 + (i % 5),
        active: true,
        joinedAt: longAgo,
      })),
    );
    const clientName = (owner: string, k: number) => `अंतर्राष्ट्रीय औद्योगिक विनिर्माण एवं वितरण प्राइवेट लिमिटेड ${owner}-${k}`.padEnd(120, "क");
    const sevenMonthsAgo = new Date(clock.now().getTime() - 7 * MONTH);
    await Promise.all(managers.map((m, i) => seedClients(team._id, m._id, [clientName(String(i), 1), clientName(String(i), 2)], sevenMonthsAgo)));
    await seedClients(team._id, null, Array.from({ length: 60 }, (_, k) => clientName("pool", k)), longAgo);
    await recomputeRotationDue(team._id);
    for (const m of managers) bot.user({ id: m.telegramId, firstName: m.name, languageCode: "hi" });
    // The managers have used the bot before: it knows they read Hindi.
    await User.insertMany(managers.map((m) => ({ _id: m.telegramId, firstName: m.name, telegramLanguage: "hi" })));
    const director = bot.user({ id: 9601, firstName: "निदेशक", languageCode: "hi" });

    director.send("/rotation");
    await director.expectReply(/🔁/);
    director.tap(/^👁/);
    const preview = await director.expectReply(/^अगला रोटेशन 26\.11\.2026 02:00: 400 क्लाइंट/);
    expect(String(preview.text).length).toBeLessThanOrEqual(4096);
    expect(String(preview.text)).toContain("…और");
    director.tap("▶️ अभी चलाएँ");
    await director.expectReply(/./);
    director.tap("✔ हाँ, अभी चलाएँ");
    await director.expectReply("रोटेशन शुरू हो गया। सारांश जल्द आएगा।");
    const summary = await director.expectReply(/^🔁 रोटेशन 25\.11\.2026 07:00/, { timeoutMs: 60_000 });
    expect(String(summary.text).length).toBeLessThanOrEqual(4096);

    const sends = bot.fake.callsTo("sendMessage");
    expect(sends.every((c) => c.response.ok && String(c.payload.text).length <= 4096)).toBe(true);
    // One notice per manager (each gave 2 and received 2), in one message each.
    const notices = sends.filter((c) => String(c.payload.text).startsWith("🔁 क्लाइंट रोटेशन"));
    expect(new Set(notices.map((c) => String(c.payload.chat_id))).size).toBe(200);
    expect(notices).toHaveLength(200);
  }, 120_000);
});

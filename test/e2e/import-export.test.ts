import { randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import mongoose, { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ClientEvent } from "../../src/clients/client-event.model.js";
import { Client } from "../../src/clients/client.model.js";
import { newClientDocument } from "../../src/clients/create-client.js";
import { Import } from "../../src/clients/import/import.model.js";
import { Deal } from "../../src/deals/deal.model.js";
import { Delivery } from "../../src/outbound/delivery.model.js";
import { defaultTeamSettings } from "../../src/teams/team-settings.js";
import { exportButton, importConfirmButton, importOwnerButton } from "../../src/telegram/import-export/callbacks.js";
import { keyboardFits } from "../../src/telegram/limits.js";
import { FakeBotApi, type RecordedCall } from "../harness/fake-bot-api.js";
import { freshDbName, TestBot } from "../support/app.js";
import { seedMember, seedTeam } from "../support/seed.js";

type User = ReturnType<TestBot["user"]>;

const BOM = "\uFEFF";
/** Jobs are polled every 100 ms in tests; a preview of a small file is ready well within this. */
const JOB_MS = 30_000;

describe("CSV import and export (directors)", () => {
  let bot: TestBot;
  let director: User;
  let mark: User;
  let team: Awaited<ReturnType<typeof seedTeam>>["team"];
  let markId: Types.ObjectId;
  let annaId: Types.ObjectId;

  /** The CSV document the bot sent, parsed (BOM dropped), and the call it came with. */
  async function sentCsv(since: number, delimiter = ","): Promise<{ call: RecordedCall; rows: string[][]; raw: string }> {
    const call = await bot.fake.waitForCall((c) => c.method === "sendDocument" && c.response.ok, JOB_MS, since);
    const raw = call.files!.document!.content.toString("utf8");
    const rows = parse(raw, { bom: true, delimiter, relax_column_count: true }) as string[][];
    return { call, rows, raw };
  }

  async function alert(text: string, since: number): Promise<void> {
    await bot.fake.waitForCall((c) => c.method === "answerCallbackQuery" && c.payload.text === text, 5000, since);
  }

  async function lastImport() {
    return (await Import.findOne({ teamId: team._id }).sort({ createdAt: -1 }).lean())!;
  }

  beforeAll(async () => {
    bot = await TestBot.start({ dbName: freshDbName("importexport") });
    ({ team } = await seedTeam({ directorId: 7001, name: "Acme", timezone: "Europe/Berlin", country: "DE", currency: "EUR" }));
    markId = (await seedMember(team, { telegramId: 7002, name: "Mark" }))._id;
    annaId = (await seedMember(team, { telegramId: 7003, name: "Anna" }))._id;
    await Client.create(
      newClientDocument({
        teamId: team._id,
        ownerId: markId,
        now: new Date("2026-01-05T09:00:00Z"),
        reason: "created",
        rotation: defaultTeamSettings().rotation,
        client: { name: "Old Holder GmbH", kind: "b2b", keyAccount: false, phones: ["+49301111111"], email: null, contactPerson: null, source: null, notes: null },
      }),
    );
    director = bot.user({ id: 7001, firstName: "Dana" });
    mark = bot.user({ id: 7002, firstName: "Mark" });
  });
  afterAll(() => bot.stop());

  it("previews a file with good, bad and duplicate rows, imports it into the free pool and reports every row left out", async () => {
    const csv =
      BOM +
      [
        "Название;Телефон;Email;Тип;Ключевой;Теги;Комментарий;Ответственный",
        "Alpha Trading;+49 30 2000001;Alpha@X.de;b2b;да;vip, north;first contact;Ivan",
        "Beta Logistik;030 2000002;;b2c;;;;",
        ";+49 30 2000003;;;;;;", // row 4: no name
        "Gamma Foods;123;;;;;;", // row 5: bad phone
        "Delta Print;;delta@;;;;;", // row 6: bad email
        "Epsilon Bau;+49 30 1111111;;;;;;", // row 7: Mark's client has this phone
        "Alpha Tradin;;;;;;;", // row 8: very similar to row 2
        "Zeta Haus;;;;;;;",
      ].join("\r\n");
    director.sendDocument({ fileName: "base.csv", content: csv, mimeType: "text/csv" });
    await director.expectReply("📥 Got base.csv. Checking it, this takes a moment…");
    const preview = await director.expectReply(/Rows: 8 · new clients: 3 · bad: 3 · duplicates: 2/, { timeoutMs: JOB_MS });
    const text = String(preview.text);
    expect(text).toContain("• Название → name\n• Телефон → phone\n• Email → email\n• Тип → type (b2b/b2c)\n• Ключевой → key account");
    expect(text).toContain("• Ответственный → not imported");
    expect(text).toContain(
      [
        "Not imported:",
        "• Row 4: no name",
        '• Row 5: "123" is not a valid phone number',
        '• Row 6: "delta@" is not a valid email address',
        "• Row 7: same phone as Old Holder GmbH (Mark), already in the team",
        "• Row 8: very similar name as row 2 of this file",
      ].join("\n"),
    );
    expect(text).toMatch(/Whose clients will the 3 new ones be\?$/);
    expect(await Client.countDocuments({ teamId: team._id })).toBe(1); // the preview writes nothing

    director.tap("🗂 Team's free pool");
    await director.expectReply("Import 3 clients into the team's free pool?");
    director.tap("← Back");
    await director.expectReply(/Rows: 8 · new clients: 3/);
    director.tap("🗂 Team's free pool");
    await director.expectReply("Import 3 clients into the team's free pool?");
    const since = bot.fake.nextCallIndex;
    director.tap("✔ Confirm");
    await director.expectReply("⏳ Importing 3 clients from base.csv… I'll send a report when it is done.");
    const report = await director.expectReply(/✅ Import of base.csv finished\./, { timeoutMs: JOB_MS });
    expect(String(report.text)).toMatch(/New clients: 3 \(free pool\)\nDuplicates skipped: 2\nBad rows: 3/);
    expect(String(report.text)).toContain("The attached file lists every row that was not imported");

    const { call, rows, raw } = await sentCsv(since, ";"); // the delimiter of the uploaded file
    expect(raw.startsWith(BOM)).toBe(true);
    expect(call.files!.document!.filename).toBe("base-not-imported.csv");
    expect(call.payload.caption).toBe("Rows of base.csv not imported: 5");
    expect(rows[0]).toEqual(["row", "reason", "Название", "Телефон", "Email", "Тип", "Ключевой", "Теги", "Комментарий", "Ответственный"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ["4", "no name", "", "+49 30 2000003"],
      ["5", '"123" is not a valid phone number', "Gamma Foods", "123"],
      ["6", '"delta@" is not a valid email address', "Delta Print", ""],
      ["7", "same phone as Old Holder GmbH (Mark), already in the team", "Epsilon Bau", "+49 30 1111111"],
      ["8", "very similar name as row 2 of this file", "Alpha Tradin", ""],
    ]);

    const created = await Client.find({ teamId: team._id, "ownership.reason": "imported" }).sort({ name: 1 }).lean();
    expect(created.map((c) => [c.name, c.ownerId, c.kind, c.keyAccount, c.phones, c.email, c.tags, c.notes])).toEqual([
      ["Alpha Trading", null, "b2b", true, ["+49302000001"], "alpha@x.de", ["vip", "north"], "first contact"],
      ["Beta Logistik", null, "b2c", false, ["+49302000002"], null, [], null],
      ["Zeta Haus", null, "b2b", false, [], null, [], null],
    ]);
    const events = await ClientEvent.find({ teamId: team._id, kind: "created", actorId: null }).lean();
    expect(events.map((e) => String(e.clientId)).sort()).toEqual(created.map((c) => String(c._id)).sort());
    expect(await lastImport()).toMatchObject({ status: "done", progress: { rows: 8, valid: 3, bad: 3, duplicates: 2 } });

    // The confirmation pressed again (a stale or forged button) imports nothing twice.
    const imp = await lastImport();
    const again = bot.fake.nextCallIndex;
    director.tapData(importConfirmButton.pack({ importId: String(imp._id), owner: null }));
    await alert("This import has already been confirmed.", again);
    expect(await Client.countDocuments({ teamId: team._id })).toBe(4);
    expect(bot.errorsLogged()).toEqual([]);
  });

  it("imports for a chosen manager, and cancels without saving", async () => {
    director.sendDocument({ fileName: "anna.csv", content: "Company,Phone,Contact person\nNorth Wind,+49 30 3000001,Olga\nSouth Wind,,\n" });
    await director.expectReply(/Rows: 2 · new clients: 2 · bad: 0 · duplicates: 0/, { timeoutMs: JOB_MS });
    director.tap("👤 Anna");
    await director.expectReply("Import 2 clients for Anna?");
    director.tap("✔ Confirm");
    await director.expectReply(/New clients: 2 \(Anna\)\nDuplicates skipped: 0\nBad rows: 0$/, { timeoutMs: JOB_MS });
    const annas = await Client.find({ teamId: team._id, ownerId: annaId }).sort({ name: 1 }).lean();
    expect(annas.map((c) => [c.name, c.acquiredBy?.toString(), c.contactPerson, c.ownership.map((o) => o.reason)])).toEqual([
      ["North Wind", String(annaId), "Olga", ["imported"]],
      ["South Wind", String(annaId), null, ["imported"]],
    ]);
    expect(annas[0]!.rotationDueAt!.getTime()).toBeGreaterThan(Date.now()); // an owned client is on the rotation clock

    // A worker that died after writing the clients but before reporting (so no report was recorded
    // as delivered): the job runs again, creates nothing twice and sends the report it owed.
    // Run once more, it does nothing at all.
    const done = await lastImport();
    await vi.waitFor(async () => expect(await Delivery.countDocuments({ _id: `import.report:${done._id}`, status: "sent" })).toBe(1));
    await Import.updateOne({ _id: done._id }, { $set: { status: "importing", reportedAt: null } });
    await Delivery.deleteMany({ _id: new RegExp(`^import\\.report:${done._id}`) });
    await bot.app.agenda.now("import.clients", { importId: String(done._id) });
    await director.expectReply(/New clients: 2 \(Anna\)/, { timeoutMs: JOB_MS });
    expect(await Client.countDocuments({ teamId: team._id, ownerId: annaId })).toBe(2);
    expect(await lastImport()).toMatchObject({ status: "done", progress: { rows: 2, valid: 2 } });
    const quiet = bot.fake.nextCallIndex;
    await bot.app.agenda.now("import.clients", { importId: String(done._id) });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(bot.fake.callsSince(quiet).filter((c) => c.method === "sendMessage")).toEqual([]);

    director.sendDocument({ fileName: "later.csv", content: "Name\nLater One\n" });
    await director.expectReply(/new clients: 1/, { timeoutMs: JOB_MS });
    director.tap("✖ Cancel");
    await director.expectReply("Import of later.csv cancelled. Nothing was saved.");
    const cancelled = await lastImport();
    expect(cancelled.status).toBe("cancelled");
    const since = bot.fake.nextCallIndex;
    director.tapData(importOwnerButton.pack({ importId: String(cancelled._id), owner: null }));
    await alert("This import was cancelled. Send the file again to start over.", since);
    expect(await Client.countDocuments({ teamId: team._id, name: "Later One" })).toBe(0);
  });

  it("pages the owner buttons of a big team, and imports for a manager on a later page", async () => {
    const big = await seedTeam({ directorId: 7201, name: "Big" });
    const managers: Types.ObjectId[] = [];
    for (let i = 0; i < 45; i++) managers.push((await seedMember(big.team, { telegramId: 7300 + i, name: `Manager ${String(i).padStart(2, "0")}` }))._id);
    const boss = bot.user({ id: 7201, firstName: "Bea" });
    const fits = () => {
      const markup = boss.lastMessage()?.reply_markup;
      expect(markup && keyboardFits(markup)).toBe(true);
      return markup!.inline_keyboard.flat().map((b) => b.text);
    };

    boss.sendDocument({ fileName: "big-team.csv", content: "Name\nPaged One\nPaged Two\n" });
    await boss.expectReply(/new clients: 2[\s\S]*\nPage 1 of 3$/, { timeoutMs: JOB_MS });
    expect(fits()).toEqual(["🗂 Team's free pool", ...Array.from({ length: 20 }, (_, i) => `👤 Manager ${String(i).padStart(2, "0")}`), "▶", "✖ Cancel"]);
    boss.tap("▶");
    await boss.expectReply(/\nPage 2 of 3$/);
    expect(fits()).toContain("👤 Manager 30");
    boss.tap("▶");
    await boss.expectReply(/\nPage 3 of 3$/);
    expect(fits()).toEqual(["🗂 Team's free pool", "👤 Manager 40", "👤 Manager 41", "👤 Manager 42", "👤 Manager 43", "👤 Manager 44", "◀", "✖ Cancel"]);
    boss.tap("◀");
    await boss.expectReply(/\nPage 2 of 3$/);
    boss.tap("👤 Manager 30");
    await boss.expectReply("Import 2 clients for Manager 30?");
    boss.tap("✔ Confirm");
    await boss.expectReply(/New clients: 2 \(Manager 30\)/, { timeoutMs: JOB_MS });
    expect(await Client.countDocuments({ teamId: big.team._id, ownerId: managers[30] })).toBe(2);
  });

  it("tells the director when an import gives up, with how many clients were saved", async () => {
    director.sendDocument({ fileName: "stuck.csv", content: "Name\nStuck One\nStuck Two\n" });
    await director.expectReply(/new clients: 2/, { timeoutMs: JOB_MS });
    const imp = await lastImport();
    // Confirmed, and its job on the last of its attempts, which fails: Telegram will not hand out the file now.
    await Import.updateOne({ _id: imp._id }, { $set: { status: "queued", confirmedAt: new Date(), confirmedBy: imp.uploadedBy } });
    bot.fake.failNext("getFile", FakeBotApi.errors.tooManyRequests(3600));
    const job = await bot.app.agenda.create("import.clients", { importId: String(imp._id) }).schedule(new Date(Date.now() + 3_600_000)).save();
    await mongoose.connection.db!.collection("agendaJobs").updateOne({ _id: new Types.ObjectId(String(job.attrs._id)) }, { $set: { failCount: 3, nextRunAt: new Date() } });
    await director.expectReply(
      "❌ The import of stuck.csv stopped because of an error on our side. 0 clients were saved. Send the file again to import the rest: clients already saved are skipped as duplicates.",
      { timeoutMs: JOB_MS },
    );
    expect(await lastImport()).toMatchObject({ status: "failed", failure: "error" });
    await vi.waitFor(() => expect(bot.logs.lines.some((l) => l.job === "import.clients" && l.msg === "job failed")).toBe(true));
    expect(await Client.countDocuments({ teamId: team._id, name: /^Stuck/ })).toBe(0);
    bot.logs.lines.length = 0; // the failure was meant; later tests check that nothing else is logged as an error
  });

  it("refuses managers, forged buttons and other teams' imports", async () => {
    mark.send("/import");
    await mark.expectReply("Only a director can do that.");
    mark.send("/export");
    await mark.expectReply("Only a director can do that.");
    mark.sendDocument({ fileName: "mine.csv", content: "Name\nSneaky\n" });
    await mark.expectReply("Only a director can do that.");

    director.sendDocument({ fileName: "pending.csv", content: "Name\nPending One\n" });
    await director.expectReply(/new clients: 1/, { timeoutMs: JOB_MS });
    const pending = await lastImport();
    let since = bot.fake.nextCallIndex;
    const importId = String(pending._id);
    mark.tapData(importConfirmButton.pack({ importId, owner: String(markId) }));
    await alert("Only a director can do that.", since);
    mark.tapData(exportButton.pack({ kind: "clients" }));
    await alert("Only a director can do that.", since);

    // Owners must be active managers of this team: not a director, not someone elsewhere.
    const self = (await import("../../src/teams/member.model.js")).Member;
    const directorMember = (await self.findOne({ telegramId: 7001 }).lean())!;
    for (const owner of [String(directorMember._id), String(new Types.ObjectId())]) {
      since = bot.fake.nextCallIndex;
      director.tapData(importConfirmButton.pack({ importId, owner }));
      await alert("That manager is not an active member of your team any more. Choose again.", since);
      director.tapData(importOwnerButton.pack({ importId, owner }));
      await alert("That manager is not an active member of your team any more. Choose again.", since);
    }

    // Malformed payloads of every import and export button decode to nothing: "no longer active", nothing done.
    for (const forged of [
      `imp.y:${importId}:zzz`,
      `imp.y:${importId}`,
      `imp.o:${importId}:pool`,
      `imp.o:ZZZ:-`,
      `imp.p:${importId}:-1`,
      `imp.p:${importId}`,
      `imp.x:${importId}:extra`,
      `imp.x:not-an-id`,
      "exp:pdf",
      "exp",
    ]) {
      since = bot.fake.nextCallIndex;
      director.tapData(forged);
      await alert("This button is no longer active.", since);
    }

    // A director of another team pressing this team's import.
    const other = await seedTeam({ directorId: 7101, name: "Other" });
    const stranger = bot.user({ id: 7101, firstName: "Olaf" });
    since = bot.fake.nextCallIndex;
    stranger.tapData(importConfirmButton.pack({ importId, owner: null }));
    await alert("That import is not in your team.", since);
    expect((await lastImport()).status).toBe("ready");
    expect(await Client.countDocuments({ teamId: other.team._id })).toBe(0);
    expect(await Client.countDocuments({ name: { $in: ["Pending One", "Sneaky"] } })).toBe(0);
  });

  it("explains files it cannot use", async () => {
    director.sendDocument({ fileName: "photo.jpg", content: Buffer.from([0xff, 0xd8, 0xff, 0xe0]) });
    await director.expectReply(/^photo\.jpg is not a CSV file\. Save the table as CSV \(UTF-8\)/);
    director.sendDocument({ fileName: "base.xlsx", content: Buffer.from("PK\u0003\u0004") });
    await director.expectReply(/^base\.xlsx is not a CSV file/);
    director.sendDocument({ fileName: "empty.csv", content: "" });
    await director.expectReply("empty.csv has no rows to import. Send a CSV with a header row and at least one client.");
    director.sendDocument({ fileName: "header.csv", content: "Name;Phone\r\n\r\n" });
    await director.expectReply("header.csv has no rows to import. Send a CSV with a header row and at least one client.", { timeoutMs: JOB_MS });
    director.sendDocument({ fileName: "binary.csv", content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]) });
    await director.expectReply(/^binary\.csv is not a text CSV file/, { timeoutMs: JOB_MS });
    director.sendDocument({ fileName: "cp1251.csv", content: Buffer.from([0xcd, 0xe0, 0xe7, 0xe2, 0xe0, 0xed, 0xe8, 0xe5, 0x0a, 0xc0, 0x0a]) });
    await director.expectReply(/^cp1251\.csv is not a text CSV file/, { timeoutMs: JOB_MS });
    director.sendDocument({ fileName: "noname.csv", content: "Phone,Email\n+49 30 1234567,a@b.de\n" });
    await director.expectReply("I could not find the column with client names in noname.csv.\nColumns found: Phone, Email\nCall that column \"Name\" (or Company, Client, Название, नाम) and send the file again.", { timeoutMs: JOB_MS });
    director.sendDocument({ fileName: "quote.csv", content: 'Name,Notes\nA,ok\nB,"never closed\nC,d\n' });
    await director.expectReply(/^quote\.csv could not be read past line 3/, { timeoutMs: JOB_MS });
    director.send("/import");
    await director.expectReply(/^Send me your client base as a CSV file\./);
    expect(bot.errorsLogged()).toEqual([]);
  });

  it("exports clients, contacts and deals as CSV with names, local times and decimal amounts", async () => {
    const holder = (await Client.findOne({ teamId: team._id, name: "Old Holder GmbH" }).lean())!;
    await ClientEvent.create({
      teamId: team._id,
      clientId: holder._id,
      kind: "call",
      at: new Date("2026-03-02T08:05:00Z"),
      actorId: markId,
      text: "Asked for prices, wants 10% off",
      followUpAt: new Date("2026-03-04T09:00:00Z"),
      followUpState: "scheduled",
    });
    await Deal.create({
      teamId: team._id,
      clientId: holder._id,
      managerId: markId,
      amountMinor: 1250050,
      profitMinor: 300000,
      currency: "EUR",
      date: "2026-03-05",
      at: new Date("2026-03-04T23:00:00Z"),
      note: "=SUM(A1)",
      sequence: 1,
      createdAt: new Date("2026-03-05T16:30:00Z"),
      bonusPlan: defaultTeamSettings().bonus,
      accruedAt: new Date("2026-03-05T16:30:00Z"), // keeps the bonus engine away from this hand-made deal
    });

    director.send("/export");
    await director.expectReply("What would you like to export?");
    let since = bot.fake.nextCallIndex;
    director.tap("👥 Clients");
    await director.expectReply("⏳ Preparing the file: Clients. It will arrive here in a moment.");
    const clients = await sentCsv(since);
    expect(clients.raw.startsWith(BOM)).toBe(true);
    expect(clients.call.payload.caption).toMatch(/^Clients of Acme: 6 rows, \d{4}-\d{2}-\d{2}$/);
    expect(clients.rows[0]).toEqual([
      "Name", "Type", "Key account", "Phones", "Email", "Contact person", "Source", "Tags", "Notes", "Owner", "Status",
      "Created", "Assigned", "First deal", "Last deal", "Deals",
    ]);
    const byName = new Map(clients.rows.slice(1).map((r) => [r[0], r]));
    expect(byName.get("Old Holder GmbH")).toEqual([
      "Old Holder GmbH", "b2b", "no", "+49301111111", "", "", "", "", "", "Mark", "active", "2026-01-05 10:00", "2026-01-05 10:00", "", "", "0",
    ]);
    expect(byName.get("Alpha Trading")?.slice(0, 10)).toEqual([
      "Alpha Trading", "b2b", "yes", "+49302000001", "alpha@x.de", "", "", "vip; north", "first contact", "free pool",
    ]);
    expect(byName.get("North Wind")?.[9]).toBe("Anna");

    director.send("/export");
    await director.expectReply("What would you like to export?");
    since = bot.fake.nextCallIndex;
    director.tap("📞 Contacts");
    const contacts = await sentCsv(since);
    expect(contacts.rows).toEqual([
      ["Date and time", "Client", "Kind of contact", "Manager", "Text", "Follow-up", "Follow-up status"],
      ["2026-03-02 09:05", "Old Holder GmbH", "call", "Mark", "Asked for prices, wants 10% off", "2026-03-04 10:00", "scheduled"],
    ]);

    director.send("/export");
    await director.expectReply("What would you like to export?");
    since = bot.fake.nextCallIndex;
    director.tap("💰 Deals");
    const deals = await sentCsv(since);
    expect(deals.rows).toEqual([
      ["Date", "Client", "Manager", "Amount", "Profit", "Currency", "Deal no. for the client", "Note", "Recorded"],
      ["2026-03-05", "Old Holder GmbH", "Mark", "12500.50", "3000.00", "EUR", "1", "'=SUM(A1)", "2026-03-05 17:30"],
    ]);
    expect(deals.call.files!.document!.filename).toMatch(/^deals-\d{4}-\d{2}-\d{2}\.csv$/);

    // The clients export reads back as an import: everything is a duplicate of the team now.
    since = bot.fake.nextCallIndex;
    director.sendDocument({ fileName: "roundtrip.csv", content: clients.call.files!.document!.content });
    await director.expectReply(/Rows: 6 · new clients: 0 · bad: 0 · duplicates: 6[\s\S]*There is nothing new to import in this file\./, { timeoutMs: JOB_MS });
    // Nothing can be imported, so no report will follow: the rows and reasons come with the preview.
    const leftOut = await sentCsv(since);
    expect(leftOut.call.files!.document!.filename).toBe("roundtrip-not-imported.csv");
    expect(leftOut.rows.slice(1).map((r) => [r[1], r[2]])).toContainEqual(["same phone as Old Holder GmbH (Mark), already in the team", "Old Holder GmbH"]);
    expect(leftOut.rows).toHaveLength(7);
  });

  it("tells the director when an export fails, and logs the failure with the job's name", async () => {
    // Telegram refuses the file for good (a 400 is not retried): the job gives up at once.
    bot.fake.failNext("sendDocument", { error_code: 400, description: "Bad Request: file must be non-empty" }, { chatId: 7001 });
    director.send("/export");
    await director.expectReply("What would you like to export?");
    director.tap("💰 Deals");
    await director.expectReply("⏳ Preparing the file: Deals. It will arrive here in a moment.");
    await director.expectReply(
      "❌ I could not prepare or send the file: Deals. Nothing in the team was changed. Try /export again in a few minutes; if it fails again, tell whoever runs this bot.",
      { timeoutMs: JOB_MS },
    );
    // Agenda reports the failure once the handler has thrown (after the director was told).
    const failure = await vi.waitFor(() => {
      const line = bot.logs.lines.find((l) => l.job === "export.csv" && l.msg === "job failed");
      expect(line).toBeDefined();
      return line!;
    });
    expect(failure).toMatchObject({ level: 50, job: "export.csv", data: { kind: "deals", chatId: 7001 } });
    expect(JSON.stringify(failure.err)).toContain("Telegram refused the deals export");
    const exportId = (failure!.data as { exportId: string }).exportId;
    expect(await Delivery.findById(`export:${exportId}`).lean()).toMatchObject({ status: "failed", chatId: 7001 });
    expect(await Delivery.findById(`export.failed:${exportId}`).lean()).toMatchObject({ status: "sent" });

    // Asked again, it works: each request is its own export.
    director.send("/export");
    await director.expectReply("What would you like to export?");
    const since = bot.fake.nextCallIndex;
    director.tap("💰 Deals");
    const deals = await sentCsv(since);
    expect(deals.rows).toHaveLength(2);
  });

  it("imports 50,000 rows in batches", { timeout: 120_000 }, async () => {
    const ROWS = 50_000;
    const lines = ["Name,Phone,Email,Tags"];
    for (let i = 0; i < ROWS; i++) {
      // Random hex names: distinct enough that no two are "very similar" by the duplicate rule.
      const name = `${randomBytes(6).toString("hex")} GmbH`;
      const email = i % 5000 === 4999 ? "broken@" : `c${i}@example.com`;
      lines.push(`${name},+49 30 ${String(10_000_000 + i)},${email},bulk;test`);
    }
    const content = lines.join("\n");
    const before = await Client.countDocuments({ teamId: team._id });
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    const rssBefore = mb(process.memoryUsage().rss);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, mb(process.memoryUsage().rss))), 100);

    const startedCheck = Date.now();
    director.sendDocument({ fileName: "big.csv", content });
    await director.expectReply(/Rows: 50,000 · new clients: 49,990 · bad: 10 · duplicates: 0/, { timeoutMs: 60_000 });
    const checkMs = Date.now() - startedCheck;

    director.tap("🗂 Team's free pool");
    await director.expectReply("Import 49,990 clients into the team's free pool?");
    const startedImport = Date.now();
    const since = bot.fake.nextCallIndex;
    director.tap("✔ Confirm");
    await director.expectReply(/New clients: 49,990 \(free pool\)\nDuplicates skipped: 0\nBad rows: 10/, { timeoutMs: 90_000 });
    const importMs = Date.now() - startedImport;
    const { rows } = await sentCsv(since);
    expect(rows).toHaveLength(11);
    expect(rows[1]!.slice(0, 2)).toEqual(["5001", '"broken@" is not a valid email address']);

    expect(await Client.countDocuments({ teamId: team._id })).toBe(before + 49_990);
    // The preview message showed the progress (every 3 s while it ran) and ends saying it is finished.
    const edits = bot.fake.callsSince(since).filter((c) => c.method === "editMessageText").map((c) => String(c.payload.text));
    expect(edits.at(-1)).toBe("✅ big.csv: all 50,000 rows read. The report is below.");
    expect(edits.slice(1, -1).every((text) => /^⏳ Importing big\.csv: [\d,]+ of 50,000 rows read…$/.test(text))).toBe(true);
    clearInterval(sampler);
    // The bot, the worker and the fake Bot API share this process (the fake keeps the 3 MB upload and every call).
    console.log(
      `50,000-row import: preview ${checkMs} ms, import ${importMs} ms; ` +
        `process RSS ${rssBefore} MB before (file generated), ${rssPeak} MB at peak, ${mb(process.memoryUsage().rss)} MB after`,
    );
  });
});

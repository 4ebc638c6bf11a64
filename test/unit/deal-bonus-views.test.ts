import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import type { BonusLineDoc } from "../../src/bonuses/bonus-line.model.js";
import type { ManagerStatement, TeamStatement } from "../../src/bonuses/statements.js";
import { summarizeStatement } from "../../src/bonuses/statement.js";
import type { DealDoc } from "../../src/deals/deal.model.js";
import { createI18n, translator } from "../../src/i18n/i18n.js";
import { defaultTeamSettings } from "../../src/teams/team-settings.js";
import * as bonusButtons from "../../src/telegram/bonuses/callbacks.js";
import { holdbackNoticeView, planView, statementView, teamStatementCaption, teamToDateView } from "../../src/telegram/bonuses/views.js";
import type { CallbackCodec, FieldsSpec } from "../../src/telegram/callback-data.js";
import { clientCardButton } from "../../src/telegram/clients/callbacks.js";
import * as dealButtons from "../../src/telegram/deals/callbacks.js";
import { clientDealsView, dealCardView, dealDeleteConfirmView } from "../../src/telegram/deals/views.js";
import type { View } from "../../src/telegram/teams/views.js";
import { CAPTION_MAX, fitCaption, keyboardFits, MESSAGE_MAX, splitText } from "../../src/telegram/limits.js";

/**
 * The deals and bonuses views at the bench's team size (200 managers with
 * long names, in Hindi): every message fits Telegram once split at line
 * breaks, every keyboard fits, every button's payload is its codec's.
 */
const i18n = createI18n({ defaultLanguage: "en", languageOf: () => undefined });
const hi = translator(i18n, "hi");
const en = translator(i18n, "en");
const f = { currency: "INR", language: "hi", timezone: "Asia/Kolkata" };
const longName = (i: number) => `श्रीमती अनुराधा लक्ष्मीनारायण वेंकटरमन सुब्रमण्यम ${i} (वरिष्ठ प्रबंधक)`;

const summary = (payable: number) =>
  summarizeStatement(
    [{ kind: "base", status: "payable", amountMinor: payable, payableMonth: "2026-01", releaseAt: null, dealId: "", clientId: "" }],
    "2026-01",
  );

function bonusLine(i: number, over: Partial<BonusLineDoc> = {}): BonusLineDoc {
  const dealId = new Types.ObjectId();
  return {
    _id: `${String(dealId)}:uplift`,
    teamId: new Types.ObjectId(),
    managerId: new Types.ObjectId(),
    clientId: new Types.ObjectId(),
    dealId,
    kind: "uplift",
    rateBp: 400,
    amountMinor: 123_456_789 + i,
    status: "held",
    payableMonth: "2026-04",
    releaseAt: new Date(Date.UTC(2026, 3, 1 + (i % 28))),
    dealAt: new Date("2026-01-10T00:00:00Z"),
    reason: null,
    resolvedAt: null,
    resolvedBy: null,
    noticePending: false,
    voidedAt: null,
    createdAt: new Date("2026-01-10T00:00:00Z"),
    ...over,
  };
}

const fitsWhenSplit = (text: string) => splitText(text).every((part) => part.length <= MESSAGE_MAX);

const payloads = (view: View) =>
  (view.keyboard?.inline_keyboard.flat() ?? []).flatMap((b) => ("callback_data" in b ? [b.callback_data] : []));

const codecs = (module: Record<string, unknown>) =>
  Object.values(module).filter((v): v is CallbackCodec<FieldsSpec> => typeof v === "object" && v !== null && "unpack" in v);

/** A payload decodes under exactly one codec of the module. */
const decodable = (payload: string, module: Record<string, unknown>) => codecs(module).filter((c) => c.unpack(payload) !== null).length === 1;

describe("bonus views at 200 managers", () => {
  const team: TeamStatement = {
    month: "2026-01",
    managers: Array.from({ length: 200 }, (_, i) => ({
      managerId: String(new Types.ObjectId()),
      name: longName(i),
      telegramId: 1000 + i,
      summary: summary(987_654_321),
      forfeits: [],
      lines: [],
      lineCount: 0,
    })),
    total: summary(200 * 987_654_321),
  };

  it("/bonus for a director: long, but every part fits, and the plan button comes through its codec", () => {
    const view = teamToDateView(hi, team, f);
    expect(view.text.length).toBeGreaterThan(MESSAGE_MAX);
    expect(fitsWhenSplit(view.text)).toBe(true);
    expect(splitText(view.text).join("\n")).toBe(view.text);
    expect(payloads(view)).toEqual([bonusButtons.bonusPlanButton.pack({})]);
  });

  it("the directors' statement: a caption within 1,024 and the rest as messages that fit", () => {
    const caption = teamStatementCaption(hi, team, f);
    const { caption: head, rest } = fitCaption(caption);
    expect(head.length).toBeLessThanOrEqual(CAPTION_MAX);
    expect(rest !== null && fitsWhenSplit(rest)).toBe(true);
    expect(caption).toContain(longName(199));
  });

  it("a manager's statement and a holdback notice with long client names", () => {
    const lines = Array.from({ length: 15 }, (_, i) => bonusLine(i));
    const names = new Map(lines.map((l, i) => [String(l.clientId), `${longName(i)} प्राइवेट लिमिटेड`]));
    const statement: ManagerStatement = {
      managerId: "m",
      name: longName(0),
      telegramId: 1,
      summary: summarizeStatement(
        lines.map((l) => ({ ...l, dealId: String(l.dealId), clientId: String(l.clientId), reason: l.reason ?? "" })),
        "2026-01",
      ),
      forfeits: [{ reason: "client-lost", amountMinor: 5, count: 1 }],
      lines,
      lineCount: 4000,
    };
    expect(fitsWhenSplit(statementView(hi, statement, f, names, "bonus-statement-title", "2026-01").text)).toBe(true);
    const resolved = Array.from({ length: 300 }, (_, i) => bonusLine(i, { status: i % 2 ? "released" : "forfeited", reason: i % 2 ? "retained" : "client-lost" }));
    const notice = holdbackNoticeView(hi, resolved, new Map(resolved.map((l, i) => [String(l.clientId), longName(i)])), f).text;
    expect(notice.length).toBeGreaterThan(MESSAGE_MAX);
    expect(fitsWhenSplit(notice)).toBe(true);
  });

  it("the plan screen: every button is a plan codec's, switches carry the value they set", () => {
    const plan = defaultTeamSettings().bonus;
    const view = planView(en, plan, { currency: "EUR", language: "en", timezone: "UTC" });
    expect(keyboardFits({ inline_keyboard: view.keyboard!.inline_keyboard })).toBe(true);
    for (const p of payloads(view)) expect(decodable(p, bonusButtons)).toBe(true);
    expect(payloads(view)).toContain(bonusButtons.planSwitchButton.pack({ setting: "halving", on: false }));
    expect(payloads(view)).toContain(bonusButtons.planRetentionButton.pack({ retention: "repeat-deal" }));
  });
});

describe("deal views", () => {
  const clientId = String(new Types.ObjectId());
  const deal = (i: number): DealDoc => ({
    _id: new Types.ObjectId(),
    teamId: new Types.ObjectId(),
    clientId: new Types.ObjectId(clientId),
    managerId: new Types.ObjectId(),
    amountMinor: 9_999_999_999_999,
    profitMinor: null,
    currency: "INR",
    date: "2026-01-10",
    at: new Date("2026-01-09T18:30:00Z"),
    note: "नोट ".repeat(300),
    sequence: 10_000 + i,
    createdAt: new Date(),
    bonusPlan: defaultTeamSettings().bonus,
    accruedAt: null,
    deletedAt: null,
  });

  it("a page of a client's deals: at most a page of deal buttons, paging and the way back through codecs", () => {
    const view = clientDealsView(hi, { client: { id: clientId, name: longName(1) }, deals: Array.from({ length: 10 }, (_, i) => deal(i)), page: 3, hasMore: true }, f);
    expect(keyboardFits({ inline_keyboard: view.keyboard!.inline_keyboard })).toBe(true);
    const data = payloads(view);
    expect(data).toHaveLength(13);
    expect(data.slice(10)).toEqual([
      dealButtons.clientDealsPageButton.pack({ clientId, page: 2 }),
      dealButtons.clientDealsPageButton.pack({ clientId, page: 4 }),
      clientCardButton.pack({ clientId, page: 0 }),
    ]);
    for (const p of data.slice(0, 12)) expect(decodable(p, dealButtons)).toBe(true);
    expect(view.keyboard!.inline_keyboard.flat().every((b) => Array.from(b.text).length <= 60)).toBe(true);
  });

  it("a deal's card and the delete confirmation", () => {
    const d = deal(1);
    const card = dealCardView(hi, d, f);
    expect(card.text.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(payloads(card)).toEqual([
      dealButtons.dealEditButton.pack({ dealId: String(d._id), field: "amount" }),
      dealButtons.dealEditButton.pack({ dealId: String(d._id), field: "profit" }),
      dealButtons.dealDeleteButton.pack({ dealId: String(d._id) }),
      dealButtons.clientDealsButton.pack({ clientId }),
    ]);
    expect(payloads(dealDeleteConfirmView(hi, d))).toEqual([
      dealButtons.dealDeleteConfirmButton.pack({ dealId: String(d._id) }),
      dealButtons.dealCardButton.pack({ dealId: String(d._id) }),
    ]);
  });
});

describe("deal and bonus codecs", () => {
  const id = "0123456789abcdef01234567";
  it("fit 64 bytes at their largest and read back what they wrote", () => {
    const largest = [
      dealButtons.clientDealsPageButton.pack({ clientId: id, page: Number.MAX_SAFE_INTEGER }),
      dealButtons.dealEditButton.pack({ dealId: id, field: "profit" }),
      dealButtons.dealDeleteConfirmButton.pack({ dealId: id }),
      bonusButtons.planValueButton.pack({ setting: "acquisitionBonusMinor" }),
      bonusButtons.planRetentionButton.pack({ retention: "repeat-deal" }),
    ];
    for (const p of largest) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(64);
    expect(dealButtons.clientDealsPageButton.unpack(largest[0]!)).toEqual({ clientId: id, page: Number.MAX_SAFE_INTEGER });
    expect(bonusButtons.planSwitchButton.unpack(bonusButtons.planSwitchButton.pack({ setting: "capAtProfit", on: true }))).toEqual({ setting: "capAtProfit", on: true });
  });

  it.each([
    "dl.v",
    "dl.v:",
    `dl.v:${id.toUpperCase()}`,
    `dl.v:${id}:1`,
    `dl.e:${id}:note`,
    `dl.lp:${id}:-1`,
    `dl.lp:${id}:${"z".repeat(12)}`,
    "dl.new:{$gt:1}",
    `dl.ls:${id}`.padEnd(70, "0"),
    "bp.x:4",
    "bp.t:halving:2",
    "bp.t:retention:1",
    "bp.r:lost",
    "bp.n:baseRate",
    "bp.m:1",
  ])("decode %j as nothing", (payload) => {
    for (const codec of [...codecs(dealButtons), ...codecs(bonusButtons)]) expect(codec.unpack(payload)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { SUPPORTED_LANGUAGES, type Language } from "../../../src/config.js";
import { createI18n, translator, type Translate } from "../../../src/i18n/i18n.js";
import type { MemberNotice, RunOutcome } from "../../../src/rotation/notices.js";
import type { RunPreview } from "../../../src/rotation/start-run.js";
import type { PlanNote } from "../../../src/rotation/types.js";
import { CALLBACK_DATA_MAX_BYTES } from "../../../src/telegram/callback-data.js";
import { keyboardFits, MESSAGE_MAX } from "../../../src/telegram/limits.js";
import {
  historyButton,
  numericSettingButton,
  previewButton,
  reportButton,
  reportListButton,
  rotationMenuButton,
  runConfirmButton,
  runNowButton,
  settingsButton,
  toggleSettingButton,
} from "../../../src/telegram/rotation/callbacks.js";
import { noticeView, summaryView } from "../../../src/telegram/rotation/messages.js";
import { previewView, reportsListView, REPORTS_PER_PAGE } from "../../../src/telegram/rotation/views.js";

const i18n = createI18n({ defaultLanguage: "en", languageOf: () => undefined });
const tr = (language: Language): Translate => translator(i18n, language);

/** The bench's team: 200 managers with long names (Devanagari, the widest of our languages), clients with 120-character names. */
const MANAGERS = 200;
const managerName = (i: number) => `श्रीमती राजलक्ष्मी वेंकटरमण सुब्रमण्यम अय्यर-चट्टोपाध्याय ${i}`.padEnd(64, "ा");
const clientName = (i: number) => `अंतर्राष्ट्रीय औद्योगिक विनिर्माण एवं वितरण प्राइवेट लिमिटेड शाखा ${i}`.padEnd(120, "क");
const objectId = (i: number) => i.toString(16).padStart(24, "0");
const names = new Map(Array.from({ length: MANAGERS }, (_, i) => [objectId(i), managerName(i)]));
const notes: PlanNote[] = [
  { code: "no-eligible-clients" },
  ...Array.from({ length: MANAGERS }, (_, i): PlanNote => ({ code: "pool-exhausted", managerId: objectId(i), missing: 1 })),
  { code: "single-manager-level", level: 5, unplaced: 3 },
];
const tallies = Array.from({ length: MANAGERS }, (_, i) => ({ name: managerName(i), gave: 2, received: 1 + (i % 3), fromPool: i % 2, imbalance: (i % 3) - 1 }));

function preview(moveCount: number): RunPreview {
  return {
    token: moveCount > 0 ? "AbCdEfGhIjKl" : null,
    runAt: new Date("2026-11-26T01:00:00Z"),
    timezone: "Asia/Kolkata",
    moveCount,
    moves: Array.from({ length: Math.min(moveCount, 20) }, (_, i) => ({
      clientName: clientName(i),
      fromName: i % 5 === 0 ? null : managerName(i),
      toName: managerName(i + 1),
      reason: i % 2 ? "lapsed" : "never-bought",
    })),
    tallies,
    notes,
    names,
  };
}

describe("rotation messages fit Telegram at the bench's size, in every language", () => {
  it.each(SUPPORTED_LANGUAGES)("the preview of 400 moves for 200 managers is one message with Run now (%s)", (language) => {
    const t = tr(language);
    const view = previewView(t, preview(400));
    expect(view.text.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(view.text).toContain(t("rotation-more", { count: 400 - 15 }).slice(0, 3));
    const buttons = view.keyboard!.inline_keyboard.flat();
    expect(buttons.map((b) => b.text)).toContain(t("btn-rotation-run-now"));
    expect(runNowButton.unpack((buttons[0] as { callback_data: string }).callback_data)).toEqual({ token: "AbCdEfGhIjKl" });
    expect(keyboardFits(view.keyboard)).toBe(true);
  });

  it("a preview where nothing moves has no Run now", () => {
    const view = previewView(tr("en"), { ...preview(0), tallies: [], notes: [{ code: "no-eligible-clients" }] });
    expect(view.text).toContain("No client is due to rotate.");
    expect(view.keyboard!.inline_keyboard.flat().map((b) => b.text)).toEqual(["← Back"]);
  });

  it.each(SUPPORTED_LANGUAGES)("a notice of 300 clients received and given is one message (%s)", (language) => {
    const notice: MemberNotice = {
      memberId: objectId(1),
      telegramId: 1,
      received: Array.from({ length: 300 }, (_, i) => ({ clientId: objectId(1000 + i), name: clientName(i), reason: "manager-deactivated", fromName: managerName(i) })),
      given: Array.from({ length: 300 }, (_, i) => ({ name: clientName(i), toName: managerName(i) })),
    };
    const view = noticeView(tr(language), notice, new Date("2026-12-02T18:30:00Z"), "Asia/Kolkata");
    expect(view.text.length).toBeLessThanOrEqual(MESSAGE_MAX);
    // The deadline is never cut away, whatever the list's length.
    expect(view.text).toContain("02.12.2026");
    expect(keyboardFits(view.keyboard)).toBe(true);
  });

  it.each(SUPPORTED_LANGUAGES)("the director's summary of a 200-manager run is one message (%s)", (language) => {
    const outcome: RunOutcome = { notices: [], moved: 400, skipped: 3, tallies, names };
    const run = { kind: "nightly" as const, plannedAt: new Date("2026-11-25T20:30:00Z"), unplacedCount: 7, notes, skipped: [1, 2, 3] };
    const view = summaryView(tr(language), run, outcome, "Asia/Kolkata");
    expect(view.text.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(view.text).toContain("400");
  });

  it("pages /reports: every page within the keyboard's limits, the last one partial", () => {
    const reports = Array.from({ length: 23 }, (_, i) => ({ clientId: objectId(i), clientName: clientName(i), dueAt: new Date("2026-12-02T23:00:00Z") }));
    const t = tr("hi");
    const pages = [0, 1, 2].map((page) => reportsListView(t, reports, "Asia/Kolkata", page));
    const clientButtons = pages.map((v) => v.keyboard!.inline_keyboard.flat().filter((b) => reportButton.unpack((b as { callback_data: string }).callback_data)));
    expect(clientButtons.map((b) => b.length)).toEqual([REPORTS_PER_PAGE, REPORTS_PER_PAGE, 3]);
    expect(pages[2]!.text).toContain("3");
    const nav = (v: (typeof pages)[number]) => v.keyboard!.inline_keyboard.flat().flatMap((b) => reportListButton.unpack((b as { callback_data: string }).callback_data) ?? []);
    expect(nav(pages[0]!)).toEqual([{ page: 1 }]);
    expect(nav(pages[1]!)).toEqual([{ page: 0 }, { page: 2 }]);
    // A page past the end (the list shrank since) shows the last page.
    expect(reportsListView(t, reports, "Asia/Kolkata", 9).text).toBe(pages[2]!.text);
    expect(reportsListView(t, [], "Asia/Kolkata", 0)).toEqual({ text: t("reports-none") });
  });
});

describe("rotation's button codecs", () => {
  it("round-trip and stay within 64 bytes", () => {
    const id = "65f0a1b2c3d4e5f601234567";
    const cases: [{ pack(d: never): string; unpack(s: string): unknown }, unknown][] = [
      [reportButton, { clientId: id }],
      [reportListButton, { page: 12 }],
      [rotationMenuButton, {}],
      [previewButton, {}],
      [runNowButton, { token: "A-b_C1234567890z" }],
      [runConfirmButton, { token: "A-b_C1234567890z" }],
      [historyButton, { page: 3 }],
      [settingsButton, {}],
      [toggleSettingButton, { key: "neverBoughtEnabled" }],
      [numericSettingButton, { key: "neverBoughtMonths" }],
    ];
    for (const [codec, data] of cases) {
      const packed = codec.pack(data as never);
      expect(Buffer.byteLength(packed)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(codec.unpack(packed)).toEqual(data);
    }
  });

  it("decode forged and malformed payloads to nothing, never throwing", () => {
    const forged: [{ unpack(s: string): unknown }, string[]][] = [
      [reportButton, ["rr:", "rr:zz", "rr:65f0a1b2c3d4e5f60123456", "rr:65F0A1B2C3D4E5F601234567", "rr:65f0a1b2c3d4e5f601234567:1", "rr.ls:1"]],
      [reportListButton, ["rr.ls:", "rr.ls:-1", "rr.ls:1.5", "rr.ls:zzzzzzzzzzzzz", "rr:1"]],
      [runConfirmButton, ["rot.go:", "rot.go:a b", "rot.go:a:b", "rot:go:abc", "rot.go:" + "a".repeat(17), "rot.go:токен"]],
      [runNowButton, ["rot.c:", "rot.c:$", "rot.go:abc"]],
      [toggleSettingButton, ["rot.t:", "rot.t:runAt", "rot.t:__proto__", "rot.t:enabled:1"]],
      [numericSettingButton, ["rot.n:enabled", "rot.n:reportdays", "rot.n:"]],
      [historyButton, ["rot.h:", "rot.h:-", "rot.h"]],
      [rotationMenuButton, ["rot.m:", "rot.m:x", "rot.mm"]],
    ];
    for (const [codec, payloads] of forged) {
      for (const payload of payloads) expect(codec.unpack(payload), payload).toBeNull();
    }
  });
});

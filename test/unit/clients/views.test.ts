import type { InlineKeyboard } from "grammy";
import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import type { ClientEventDoc } from "../../../src/clients/client-event.model.js";
import type { ClientDoc } from "../../../src/clients/client.model.js";
import { newClientDocument } from "../../../src/clients/create-client.js";
import { CALLBACK_DATA_MAX_BYTES } from "../../../src/telegram/callback-data.js";
import * as codecs from "../../../src/telegram/clients/callbacks.js";
import {
  clientCardView,
  clientListView,
  clientOwnersView,
  editMenuView,
  followUpReminderView,
  OWNERS_PER_PAGE,
  searchResultsView,
} from "../../../src/telegram/clients/views.js";
import { clientDealsButton, logDealButton } from "../../../src/telegram/deals/callbacks.js";
import { keyboardFits, MESSAGE_MAX } from "../../../src/telegram/limits.js";
import { reportButton } from "../../../src/telegram/rotation/callbacks.js";
import { defaultTeamSettings } from "../../../src/teams/team-settings.js";

const t = (key: string, vars?: Record<string, unknown>) => (vars ? `${key} ${JSON.stringify(vars)}` : key);
const id = () => String(new Types.ObjectId());
const NOW = new Date("2026-03-10T08:00:00Z");
const datas = (kb: InlineKeyboard | undefined) => (kb?.inline_keyboard ?? []).flat().map((b) => ("callback_data" in b ? b.callback_data : ""));

function client(over: Partial<ClientDoc> = {}): ClientDoc {
  const doc = newClientDocument({
    teamId: new Types.ObjectId(),
    ownerId: new Types.ObjectId(),
    now: NOW,
    reason: "created",
    rotation: defaultTeamSettings().rotation,
    client: { name: "Acme", kind: "b2b", keyAccount: false, phones: [], email: null, contactPerson: null, source: null, notes: null },
  });
  return { ...doc, ...over };
}

describe("clients' callback codecs", () => {
  const clientId = "f".repeat(24);
  const longest = [
    codecs.clientCardButton.pack({ clientId, page: Number.MAX_SAFE_INTEGER }),
    codecs.logContactButton.pack({ clientId }),
    codecs.clientListButton.pack({ filter: "never-bought", page: Number.MAX_SAFE_INTEGER, owner: clientId }),
    codecs.clientOwnersButton.pack({ page: Number.MAX_SAFE_INTEGER }),
    codecs.searchPageButton.pack({ searchId: clientId, page: Number.MAX_SAFE_INTEGER }),
    codecs.editClientButton.pack({ clientId }),
    codecs.editFieldButton.pack({ clientId, field: "contactPerson" }),
    codecs.clientKindButton.pack({ clientId, kind: "b2c" }),
    codecs.clientFlagButton.pack({ clientId, flag: "keyAccount", on: true }),
    codecs.markLostButton.pack({ clientId }),
    codecs.reactivateButton.pack({ clientId }),
    codecs.followUpDoneButton.pack({ eventId: clientId }),
    codecs.followUpSnoozeButton.pack({ eventId: clientId, snooze: "tomorrow" }),
  ];

  it("fit Telegram's 64 bytes at their longest", () => {
    for (const data of longest) expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
  });

  it("decode what they encode, and nothing else", () => {
    expect(codecs.clientListButton.unpack(codecs.clientListButton.pack({ filter: "key", page: 3, owner: "pool" }))).toEqual({ filter: "key", page: 3, owner: "pool" });
    expect(codecs.clientListButton.unpack("cl.l:key:3:-")).toEqual({ filter: "key", page: 3, owner: null });
    expect(codecs.clientListButton.unpack("cl.l:key:3:nobody")).toBeNull();
    expect(codecs.clientFlagButton.unpack(`cl.fl:${clientId}:keyAccount:1`)).toEqual({ clientId, flag: "keyAccount", on: true });
    expect(codecs.clientFlagButton.unpack(`cl.fl:${clientId}:kind:1`)).toBeNull();
    expect(codecs.editFieldButton.unpack(`cl.ef:${clientId}:pinned`)).toBeNull();
    expect(codecs.followUpSnoozeButton.unpack(`fu.s:${clientId}:week`)).toBeNull();
    // Pre-codec buttons: only the card's decodes; the others are no longer active.
    expect(codecs.legacyCardButton.unpack(`cl:v:${clientId}:12`)).toEqual({ view: "v", clientId, page: 12 });
    expect(codecs.legacyCardButton.unpack(`cl:L:${clientId}`)).toBeNull();
    expect(codecs.legacyFollowUpButton.unpack(`fu:t:${clientId}`)).toEqual({ action: "t", eventId: clientId });
    for (const codec of Object.values(codecs)) {
      for (const forged of ["", ":", `${codec.prefix}:`, `${codec.prefix}:${"x".repeat(80)}`, "cl.v:ZZZ:0"]) expect(codec.unpack(forged)).toBeNull();
    }
  });
});

describe("clients' views", () => {
  it("page a 200-member team under By manager, with long Hindi names, within Telegram's limits", () => {
    const members = Array.from({ length: 200 }, (_, i) => ({ id: id(), name: `प्रबंधक ${i} ${"बहुत लंबा नाम ".repeat(20)}` }));
    const pages = Math.ceil(200 / OWNERS_PER_PAGE);
    for (let page = 0; page < pages; page++) {
      const view = clientOwnersView(t, members, page);
      expect(keyboardFits(view.keyboard)).toBe(true);
      expect(view.text.length).toBeLessThan(MESSAGE_MAX);
      const owners = datas(view.keyboard).map((d) => codecs.clientListButton.unpack(d)?.owner).filter((o) => o && o !== "pool");
      expect(owners).toEqual(members.slice(page * OWNERS_PER_PAGE, (page + 1) * OWNERS_PER_PAGE).map((m) => m.id));
    }
    // A page past the end (an old button after members left) shows the last one.
    expect(clientOwnersView(t, members.slice(0, 5), 7).text).toBe("clients-pick-manager");
  });

  it("list and search keyboards open cards and page without the query in the button", () => {
    const items = Array.from({ length: 8 }, () => ({ ...client(), name: "Ünïcødé ✨ client" }));
    const list = clientListView(t, { role: "director", filter: "active", owner: null, clients: { items, page: 1, hasMore: true }, now: NOW });
    expect(keyboardFits(list.keyboard)).toBe(true);
    expect(datas(list.keyboard)).toContain(codecs.clientOwnersButton.pack({ page: 0 }));
    const searchId = id();
    const found = searchResultsView(t, { searchId, text: "ü".repeat(4000), clients: { items, page: 0, hasMore: true } }, NOW);
    expect(datas(found.keyboard)).toContain(codecs.searchPageButton.pack({ searchId, page: 1 }));
    expect(datas(found.keyboard).every((d) => Buffer.byteLength(d) <= CALLBACK_DATA_MAX_BYTES)).toBe(true);
  });

  it("the edit menu sets flags to a value, and offers pinning to directors only", () => {
    const c = client({ keyAccount: true });
    const manager = datas(editMenuView(t, c, "manager").keyboard);
    expect(manager).toContain(codecs.clientFlagButton.pack({ clientId: String(c._id), flag: "keyAccount", on: false }));
    expect(manager).toContain(codecs.clientKindButton.pack({ clientId: String(c._id), kind: "b2c" }));
    expect(manager.some((d) => d.includes("pinned"))).toBe(false);
    expect(datas(editMenuView(t, c, "director").keyboard)).toContain(codecs.clientFlagButton.pack({ clientId: String(c._id), flag: "pinned", on: true }));
  });

  it("the card carries the deals and rotation features' buttons and reads every kind of history entry", () => {
    const c = client({ dealCount: 2 });
    const clientId = String(c._id);
    const base = { _id: new Types.ObjectId(), teamId: c.teamId, clientId: c._id, at: NOW, actorId: c.ownerId };
    const events: ClientEventDoc[] = [
      { ...base, kind: "call", text: "Hello", followUpAt: NOW, followUpState: "scheduled" },
      { ...base, kind: "created", data: null },
      { ...base, kind: "deal", dealId: new Types.ObjectId(), amountMinor: 12_345, text: "first" },
      { ...base, kind: "edited", data: { field: "email", from: "", to: "a@b.c" } },
      { ...base, kind: "owner", actorId: null, data: { fromId: null, toId: c.ownerId, reason: "pool-top-up" } },
      { ...base, kind: "lost", text: "Closed" },
      { ...base, kind: "reactivated" },
    ];
    const view = clientCardView(t, {
      client: c,
      ownerName: "Mark",
      timeline: { items: events, page: 0, hasMore: true },
      names: new Map([[String(c.ownerId), "Mark"]]),
      now: NOW,
      timezone: "Europe/Berlin",
      currency: "EUR",
      language: "en",
      reportDue: true,
    });
    const data = datas(view.keyboard);
    expect(data).toEqual(
      expect.arrayContaining([
        codecs.clientCardButton.pack({ clientId, page: 1 }),
        codecs.logContactButton.pack({ clientId }),
        logDealButton.pack({ clientId }),
        clientDealsButton.pack({ clientId }),
        reportButton.pack({ clientId }),
        codecs.editClientButton.pack({ clientId }),
        codecs.markLostButton.pack({ clientId }),
      ]),
    );
    expect(view.text).toContain('history-owner {"from":"free-pool","to":"Mark","reason":"reason-pool-top-up"}');
    expect(view.text).toContain('history-edited {"who":"Mark","field":"field-email","to":"a@b.c"}');
    const lost = datas(clientCardView(t, { client: { ...c, status: "lost" as const }, ownerName: null, timeline: { items: [], page: 0, hasMore: false }, names: new Map(), now: NOW, timezone: "UTC", currency: "EUR", language: "en", reportDue: false }).keyboard);
    expect(lost).toContain(codecs.reactivateButton.pack({ clientId }));
    expect(lost).not.toContain(logDealButton.pack({ clientId }));
  });

  it("a reminder's buttons name the follow-up", () => {
    const eventId = id();
    const view = followUpReminderView(t, { eventId, clientName: "Acme", kind: "call", text: "x" });
    expect(datas(view.keyboard)).toEqual([
      codecs.followUpDoneButton.pack({ eventId }),
      codecs.followUpSnoozeButton.pack({ eventId, snooze: "hour" }),
      codecs.followUpSnoozeButton.pack({ eventId, snooze: "tomorrow" }),
    ]);
  });
});

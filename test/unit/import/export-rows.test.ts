import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import type { ContactEvent } from "../../../src/clients/client-event.model.js";
import { newClientDocument } from "../../../src/clients/create-client.js";
import { safeCell } from "../../../src/clients/export/csv-file.js";
import { clientRow, contactRow, dealRow, localTime, minorToDecimal, type ExportContext } from "../../../src/clients/export/rows.js";
import type { DealDoc } from "../../../src/deals/deal.model.js";
import { defaultTeamSettings } from "../../../src/teams/team-settings.js";

const mark = new Types.ObjectId();
const ctx: ExportContext = {
  timezone: "Asia/Kolkata",
  members: new Map([[String(mark), "Mark"]]),
  labels: {
    yes: "yes",
    no: "no",
    freePool: "free pool",
    status: { active: "active", lost: "lost" },
    contactKind: { call: "call", meeting: "meeting", message: "message", email: "email", note: "note" },
    followUp: { scheduled: "scheduled", sent: "reminded", done: "done" },
  },
};

describe("export rows", () => {
  it("writes amounts as decimal strings in the currency's units", () => {
    expect(minorToDecimal(1250050, "RUB")).toBe("12500.50");
    expect(minorToDecimal(5, "EUR")).toBe("0.05");
    expect(minorToDecimal(1250050, "JPY")).toBe("1250050");
    expect(minorToDecimal(1234, "KWD")).toBe("1.234");
    expect(minorToDecimal(-150, "USD")).toBe("-1.50");
  });

  it("shows times in the team's timezone as YYYY-MM-DD HH:mm", () => {
    expect(localTime(new Date("2026-03-01T20:15:00Z"), "Asia/Kolkata")).toBe("2026-03-02 01:45");
    expect(localTime(new Date("2026-07-01T10:00:00Z"), "Europe/Berlin")).toBe("2026-07-01 12:00");
    expect(localTime(null, "Europe/Berlin")).toBe("");
  });

  it("puts owner names, flags and dates in a client row, and guards formulas", () => {
    const doc = newClientDocument({
      teamId: new Types.ObjectId(),
      ownerId: mark,
      now: new Date("2026-03-01T20:15:00Z"),
      reason: "imported",
      rotation: defaultTeamSettings().rotation,
      client: {
        name: "=HYPERLINK(\"x\")",
        kind: "b2c",
        keyAccount: true,
        phones: ["+919876543210", "+919876543211"],
        email: "a@b.in",
        contactPerson: "Ravi",
        source: null,
        notes: "-5% discount",
        tags: ["vip", "north"],
      },
    });
    expect(clientRow(doc, ctx)).toEqual([
      "'=HYPERLINK(\"x\")", "b2c", "yes", "+919876543210; +919876543211", "a@b.in", "Ravi", "", "vip; north", "'-5% discount",
      "Mark", "active", "2026-03-02 01:45", "2026-03-02 01:45", "", "", "0",
    ]);
    expect(clientRow({ ...doc, ownerId: null, status: "lost" }, ctx).slice(9, 11)).toEqual(["free pool", "lost"]);
  });

  it("names the client and the author of a contact, and the manager of a deal", () => {
    const event = {
      _id: new Types.ObjectId(),
      teamId: new Types.ObjectId(),
      clientId: new Types.ObjectId(),
      kind: "call",
      at: new Date("2026-03-01T04:30:00Z"),
      actorId: mark,
      text: "Asked for a quote",
      followUpAt: new Date("2026-03-03T04:30:00Z"),
      followUpState: "scheduled",
    } as ContactEvent;
    expect(contactRow(event, "Acme", ctx)).toEqual(["2026-03-01 10:00", "Acme", "call", "Mark", "Asked for a quote", "2026-03-03 10:00", "scheduled"]);

    const deal = {
      date: "2026-03-01",
      managerId: mark,
      amountMinor: 1250050,
      profitMinor: null,
      currency: "INR",
      sequence: 1,
      note: null,
      createdAt: new Date("2026-03-01T06:00:00Z"),
    } as unknown as DealDoc;
    expect(dealRow(deal, "Acme", ctx)).toEqual(["2026-03-01", "Acme", "Mark", "12500.50", "", "INR", "1", "", "2026-03-01 11:30"]);
  });

  it("leaves plain text alone", () => {
    expect(safeCell("Acme")).toBe("Acme");
    expect(safeCell("@home")).toBe("'@home");
    expect(safeCell(null)).toBe("");
  });
});

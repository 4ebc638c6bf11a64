import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { ClientEvent } from "../src/clients/client-event.model.js";
import { Client } from "../src/clients/client.model.js";
import { newClientDocument } from "../src/clients/create-client.js";
import type { RowProblem } from "../src/clients/import/import.model.js";
import { importedClientId, runImport, type ImportTarget } from "../src/clients/import/run-import.js";
import { defaultTeamSettings } from "../src/teams/team-settings.js";
import { useTestDatabase } from "./support/db.js";

describe("runImport against the team", () => {
  useTestDatabase("import_dedupe");
  const teamId = new Types.ObjectId();
  const managerId = new Types.ObjectId();
  const rotation = defaultTeamSettings().rotation;

  const target = (importId: Types.ObjectId, write?: ImportTarget["write"]): ImportTarget => ({
    importId,
    teamId,
    country: "DE",
    memberNames: new Map([[String(managerId), "Mark"]]),
    ...(write ? { write } : {}),
    batchSize: 2, // several batches even for a small file
  });
  const csv = [
    "Name;Phone;Email",
    "Existing Phone Co;+49 30 1111111;", // the team has this phone (Mark's client)
    "Brand New One;;new1@x.de",
    "Pool Client GmbH;;", // similar name to a pool client
    "Brand New Two;+49 30 2222222;",
    ";+49 30 3333333;", // no name
    "Brand New Twoo;;", // similar to row 5 of the file
    "Third New;+49 30 2222222;", // same phone as row 5
    "Fourth New;;bad@",
  ].join("\n");

  it("counts, reports in file order and writes nothing in preview; writes idempotently when confirmed", async () => {
    const seed = (name: string, ownerId: Types.ObjectId | null, phones: string[]) =>
      newClientDocument({
        teamId,
        ownerId,
        now: new Date("2026-01-01T00:00:00Z"),
        reason: "created",
        rotation,
        client: { name, kind: "b2b", keyAccount: false, phones, email: null, contactPerson: null, source: null, notes: null },
      });
    await Client.insertMany([seed("Old Phone Holder", managerId, ["+49301111111"]), seed("Pool Client", null, [])]);
    // Another team's client never counts.
    await Client.insertMany([{ ...seed("Brand New One", null, []), _id: new Types.ObjectId(), teamId: new Types.ObjectId() }]);

    const problems: RowProblem[] = [];
    const importId = new Types.ObjectId();
    const preview = await runImport([csv], target(importId), { onProblem: (p) => void problems.push(p) });
    expect(preview).toMatchObject({ ok: true, counts: { rows: 8, valid: 2, bad: 2, duplicates: 4 } });
    expect(problems).toEqual([
      { row: 2, kind: "team", code: "phone", clientName: "Old Phone Holder", holder: "Mark" },
      { row: 4, kind: "team", code: "name", clientName: "Pool Client", holder: null },
      { row: 6, kind: "bad", code: "name-missing", detail: null },
      { row: 7, kind: "file", code: "name", ofRow: 5 },
      { row: 8, kind: "file", code: "phone", ofRow: 5 },
      { row: 9, kind: "bad", code: "email", detail: "bad@" },
    ]);
    expect(await Client.countDocuments({ teamId })).toBe(2);

    const write = { ownerId: managerId, now: new Date("2026-02-01T09:00:00Z"), rotation };
    const first = await runImport([csv], target(importId, write));
    // A rerun (a crash after the first batches) finds its own clients and creates nothing twice.
    const again = await runImport([csv], target(importId, write));
    expect(first).toMatchObject({ ok: true, counts: { valid: 2, bad: 2, duplicates: 4 } });
    expect(again).toEqual(first);

    const created = await Client.find({ teamId, createdAt: write.now }).sort({ name: 1 }).lean();
    expect(created.map((c) => [c.name, c.ownerId?.toString(), c.ownership[0]?.reason])).toEqual([
      ["Brand New One", String(managerId), "imported"],
      ["Brand New Two", String(managerId), "imported"],
    ]);
    expect(created.map((c) => String(c._id)).sort()).toEqual([importedClientId(importId, 3), importedClientId(importId, 5)].map(String).sort());
    const events = await ClientEvent.find({ teamId }).lean();
    expect(events.map((e) => [e.kind, e.actorId, String(e.clientId)]).sort()).toEqual(created.map((c) => ["created", null, String(c._id)]).sort());

    // Another import of the same file later: everything is now a duplicate of the team.
    const later = await runImport([csv], target(new Types.ObjectId(), { ...write, now: new Date("2026-03-01T00:00:00Z") }));
    expect(later).toMatchObject({ ok: true, counts: { valid: 0, bad: 2, duplicates: 6 } });
  });

  it("refuses a file without a name column and a file that is too long", async () => {
    expect(await runImport(["Phone,Email\n+49 30 1234567,a@b.de\n"], target(new Types.ObjectId()))).toEqual({
      ok: false,
      failure: "no-name-column",
      line: null,
      headers: ["Phone", "Email"],
    });
    const big = "Name\n" + Array.from({ length: 11 }, (_, i) => `Client ${i}`).join("\n");
    expect(await runImport([big], { ...target(new Types.ObjectId()), maxRows: 10 })).toEqual({ ok: false, failure: "too-many-rows", line: null });
    expect(await runImport(["Name\n\n"], target(new Types.ObjectId()))).toEqual({ ok: false, failure: "empty", line: null });
  });
});

import { describe, expect, it } from "vitest";
import { clientOwners, searchClients, searchPage } from "../../src/clients/browse.js";
import { ClientEvent } from "../../src/clients/client-event.model.js";
import { Client } from "../../src/clients/client.model.js";
import { completeFollowUp, dueFollowUpReminder, logContact, snoozedUntil, snoozeFollowUp } from "../../src/clients/contacts.js";
import { addClient, type NewClient } from "../../src/clients/create-client.js";
import { editClientField, markLost, reactivateClient, setClientFlag } from "../../src/clients/edit-client.js";
import { newEntryId } from "../../src/clients/ids.js";
import type { JobData, JobName } from "../../src/queue/catalog.js";
import type { JobQueue } from "../../src/queue/job-queue.js";
import dayjs from "../../src/shared/dayjs.js";
import { parseFollowUp } from "../../src/shared/parse/follow-up.js";
import { Member } from "../../src/teams/member.model.js";
import { useTestDatabase } from "../support/db.js";
import { seedClients, seedMember, seedTeam } from "../support/seed.js";

useTestDatabase("clientcases");

/** A queue that records what use cases publish. */
class RecordingQueue implements JobQueue {
  readonly published: { name: JobName; at: Date | null; data: unknown }[] = [];
  enqueue<N extends JobName>(name: N, data: JobData<N>): Promise<void> {
    this.published.push({ name, at: null, data });
    return Promise.resolve();
  }
  schedule<N extends JobName>(name: N, at: Date, data: JobData<N>): Promise<void> {
    this.published.push({ name, at, data });
    return Promise.resolve();
  }
}

const NOW = new Date("2026-03-10T08:00:00Z");
let nextTelegramId = 700_000;

async function setup() {
  const { team, member: director } = await seedTeam({ directorId: nextTelegramId++, timezone: "Europe/Berlin", now: NOW });
  const mark = await seedMember(team, { telegramId: nextTelegramId++, name: "Mark" });
  const nina = await seedMember(team, { telegramId: nextTelegramId++, name: "Nina" });
  const actor = (m: { _id: unknown }) => ({ teamId: String(team._id), memberId: String(m._id) });
  return { team, director, mark, nina, actor };
}

const newClient = (name: string, over: Partial<NewClient> = {}): NewClient => ({
  name,
  kind: "b2b",
  keyAccount: false,
  phones: [],
  email: null,
  contactPerson: null,
  source: null,
  notes: null,
  ...over,
});

describe("adding a client", () => {
  it("refuses a duplicate with the matches as the refusal's data, and repeats a confirmed add once", async () => {
    const { mark, nina, actor } = await setup();
    const id = newEntryId();
    const first = await addClient({ actor: actor(mark), id, client: newClient("Acme GmbH", { phones: ["+49301234567"] }), now: NOW });
    expect(first.ok).toBe(true);
    const again = await addClient({ actor: actor(mark), id, client: newClient("Acme GmbH", { phones: ["+49301234567"] }), now: NOW });
    expect(again.ok && String(again.value._id)).toBe(id);

    const dup = await addClient({ actor: actor(nina), id: newEntryId(), client: newClient("Other Name", { phones: ["+49301234567"] }), now: NOW });
    expect(dup.ok).toBe(false);
    if (dup.ok || dup.error !== "duplicate") throw new Error("expected a duplicate");
    expect(dup.data.duplicates).toEqual([{ clientId: id, name: "Acme GmbH", reason: "phone", holder: "other", holderName: "Mark" }]);
  });

  it("writes nothing for a member who is no longer active", async () => {
    const { team, mark, actor } = await setup();
    await Member.updateOne({ _id: mark._id }, { $set: { active: false } });
    const r = await addClient({ actor: actor(mark), id: newEntryId(), client: newClient("Ghost Ltd"), now: NOW });
    expect(r).toEqual({ ok: false, error: "not-a-member" });
    expect(await Client.countDocuments({ teamId: team._id })).toBe(0);
  });

  it("refuses an actor of another team", async () => {
    const { mark } = await setup();
    const other = await setup();
    const r = await addClient({ actor: { teamId: String(other.team._id), memberId: String(mark._id) }, id: newEntryId(), client: newClient("Cross Ltd"), now: NOW });
    expect(r).toEqual({ ok: false, error: "not-a-member" });
  });
});

describe("contacts and follow-ups", () => {
  async function withClient() {
    const s = await setup();
    const [client] = await seedClients(s.team._id, s.mark._id, ["Beta Bakery"], NOW);
    return { ...s, client: client! };
  }

  it("logs a contact once and publishes its reminder at the follow-up time", async () => {
    const { mark, actor, client } = await withClient();
    const jobs = new RecordingQueue();
    const id = newEntryId();
    const at = new Date("2026-03-11T09:00:00Z");
    const input = { actor: actor(mark), id, clientId: String(client._id), kind: "call" as const, text: " Price list ", followUpAt: at, now: NOW, jobs };
    const r = await logContact(input);
    expect(r.ok && r.value).toMatchObject({ text: "Price list", followUpState: "scheduled" });
    await logContact(input);
    expect(await ClientEvent.countDocuments({ _id: id })).toBe(1);
    expect(jobs.published[0]).toEqual({ name: "contact.follow-up", at, data: { eventId: id, dueAt: at.toISOString() } });
  });

  it("logs nothing on someone else's client, nor for a deactivated author", async () => {
    const { mark, nina, actor, client } = await withClient();
    const jobs = new RecordingQueue();
    const base = { clientId: String(client._id), kind: "note" as const, text: "x", followUpAt: null, now: NOW, jobs };
    expect(await logContact({ ...base, actor: actor(nina), id: newEntryId() })).toEqual({ ok: false, error: "not-found" });
    await Member.updateOne({ _id: mark._id }, { $set: { active: false } });
    expect(await logContact({ ...base, actor: actor(mark), id: newEntryId() })).toEqual({ ok: false, error: "not-a-member" });
    expect(await ClientEvent.countDocuments({ clientId: client._id })).toBe(0);
    expect(jobs.published).toEqual([]);
  });

  it("snoozes to tomorrow by the follow-up parser's rule, in the team's timezone", () => {
    const now = new Date("2026-03-10T22:30:00Z"); // 23:30 in Berlin
    const at = snoozedUntil("tomorrow", now, "Europe/Berlin");
    expect(parseFollowUp("tomorrow", { now, timezone: "Europe/Berlin" })).toEqual({ ok: true, value: at });
    expect(dayjs(at).tz("Europe/Berlin").format("YYYY-MM-DD HH:mm")).toBe("2026-03-11 10:00");
    expect(snoozedUntil("hour", now, "Europe/Berlin")).toEqual(new Date("2026-03-10T23:30:00Z"));
  });

  it("reminds once per due time, follows a snooze, and stops after done", async () => {
    const { mark, nina, actor, client } = await withClient();
    const jobs = new RecordingQueue();
    const id = newEntryId();
    const due = new Date("2026-03-11T09:00:00Z");
    await logContact({ actor: actor(mark), id, clientId: String(client._id), kind: "call", text: "Call back", followUpAt: due, now: NOW, jobs });

    const reminder = await dueFollowUpReminder({ eventId: id, dueAt: due });
    expect(reminder).toMatchObject({ eventId: id, clientName: "Beta Bakery", kind: "call", text: "Call back", telegramId: mark.telegramId });
    // The same due time again (a retry after a deferred delivery) still answers; the outbound key makes it one message.
    expect(await dueFollowUpReminder({ eventId: id, dueAt: due })).not.toBeNull();

    // Only the author may snooze it.
    expect(await snoozeFollowUp({ actor: actor(nina), eventId: id, snooze: "hour", now: NOW, jobs })).toEqual({ ok: false, error: "gone" });
    const snoozed = await snoozeFollowUp({ actor: actor(mark), eventId: id, snooze: "tomorrow", now: NOW, jobs });
    expect(snoozed.ok && snoozed.value.at).toEqual(new Date("2026-03-11T09:00:00Z")); // 10:00 Berlin
    expect(jobs.published.at(-1)).toMatchObject({ name: "contact.follow-up", data: { eventId: id } });
    expect(await dueFollowUpReminder({ eventId: id, dueAt: new Date("2026-03-10T09:00:00Z") })).toBeNull(); // an older job

    expect(await completeFollowUp({ actor: actor(mark), eventId: id })).toEqual({ ok: true, value: { clientId: String(client._id) } });
    expect(await dueFollowUpReminder({ eventId: id, dueAt: new Date("2026-03-11T09:00:00Z") })).toBeNull();
    expect(await completeFollowUp({ actor: actor(mark), eventId: id })).toEqual({ ok: false, error: "gone" });
  });

  it("drops the reminder of an author who left the team or whose client moved on", async () => {
    const { mark, nina, actor, client } = await withClient();
    const jobs = new RecordingQueue();
    const due = new Date("2026-03-11T09:00:00Z");
    const log = async () => {
      const id = newEntryId();
      await logContact({ actor: actor(mark), id, clientId: String(client._id), kind: "call", text: "x", followUpAt: due, now: NOW, jobs });
      return id;
    };
    const moved = await log();
    await Client.updateOne({ _id: client._id }, { $set: { ownerId: nina._id } });
    expect(await dueFollowUpReminder({ eventId: moved, dueAt: due })).toBeNull();
    await Client.updateOne({ _id: client._id }, { $set: { ownerId: mark._id } });
    const left = await log();
    await Member.updateOne({ _id: mark._id }, { $set: { active: false } });
    expect(await dueFollowUpReminder({ eventId: left, dueAt: due })).toBeNull();
  });
});

describe("editing a client", () => {
  it("pins for directors only, answering a manager's own client and another's differently", async () => {
    const { team, director, mark, nina, actor } = await setup();
    const [client] = await seedClients(team._id, mark._id, ["Gamma"], NOW);
    const clientId = String(client!._id);
    expect(await setClientFlag({ actor: actor(mark), clientId, flag: "pinned", on: true, now: NOW })).toEqual({ ok: false, error: "not-allowed" });
    expect(await setClientFlag({ actor: actor(nina), clientId, flag: "pinned", on: true, now: NOW })).toEqual({ ok: false, error: "not-found" });
    const pinned = await setClientFlag({ actor: actor(director), clientId, flag: "pinned", on: true, now: NOW });
    expect(pinned.ok && pinned.value.pinned).toBe(true);
    // Setting the same value again (an old button) keeps it.
    await setClientFlag({ actor: actor(director), clientId, flag: "pinned", on: true, now: NOW });
    expect((await Client.findById(clientId).lean())!.pinned).toBe(true);
  });

  it("validates typed fields with the team's country, and marks lost and active again", async () => {
    const { team, mark, actor } = await setup();
    const [client] = await seedClients(team._id, mark._id, ["Delta"], NOW);
    const clientId = String(client!._id);
    expect(await editClientField({ actor: actor(mark), clientId, field: "phone", raw: "12", now: NOW })).toEqual({ ok: false, error: "phone-invalid" });
    const phone = await editClientField({ actor: actor(mark), clientId, field: "phone", raw: "030 1234567", now: NOW });
    expect(phone.ok && phone.value.phones).toEqual(["+49301234567"]);
    const lost = await markLost({ actor: actor(mark), clientId, reason: "Closed", now: NOW });
    expect(lost.ok && lost.value).toMatchObject({ status: "lost", lostReason: "Closed" });
    expect(await markLost({ actor: actor(mark), clientId, reason: "Again", now: NOW })).toEqual({ ok: false, error: "not-found" });
    const back = await reactivateClient({ actor: actor(mark), clientId, now: NOW });
    expect(back.ok && back.value.status).toBe("active");
    const kinds = (await ClientEvent.find({ clientId: client!._id }).sort({ _id: 1 }).lean()).map((e) => e.kind);
    expect(kinds).toEqual(["edited", "lost", "reactivated"]);
  });
});

describe("browsing", () => {
  it("keeps a /find query per member: another member's search id is nothing to them", async () => {
    const { team, mark, nina, actor } = await setup();
    await seedClients(team._id, mark._id, ["Echo One", "Echo Two"], NOW);
    const found = await searchClients(actor(mark), "echo");
    if (!found.ok) throw new Error(found.error);
    expect(found.value.clients.items.map((c) => c.name)).toEqual(["Echo One", "Echo Two"]);
    const again = await searchClients(actor(mark), "echo");
    expect(again.ok && again.value.searchId).toBe(found.value.searchId); // one record per member and query
    const page = await searchPage(actor(mark), found.value.searchId, 0);
    expect(page.ok && page.value.text).toBe("echo");
    expect(await searchPage(actor(nina), found.value.searchId, 0)).toEqual({ ok: false, error: "expired" });
  });

  it("lists the team's members by name for directors only", async () => {
    const { director, mark, actor } = await setup();
    const owners = await clientOwners(actor(director));
    expect(owners.ok && owners.value.map((m) => m.name)).toEqual(["Director " + String(director.telegramId), "Mark", "Nina"]);
    expect(await clientOwners(actor(mark))).toEqual({ ok: false, error: "not-allowed" });
  });
});

import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { connectDatabase, disconnectDatabase } from "../src/db/connection.js";
import { migrate } from "../src/db/migrations.js";
import { derivedObjectId } from "../src/shared/derived-id.js";
import { Invite } from "../src/teams/invite.model.js";
import { createInvite, redeemInvite } from "../src/teams/invites.js";
import { Member } from "../src/teams/member.model.js";
import { readIdentity } from "../src/teams/membership.js";
import { deactivateManager } from "../src/teams/teams.js";
import { User } from "../src/users/user.model.js";
import { freshDbName } from "./support/app.js";
import { seedTeam } from "./support/seed.js";

/**
 * Memberships are identities (issue 9): joining another team makes a new
 * member, never re-points the old one, so nothing keyed by the old membership
 * follows the person; the sender is read in one round trip on every update.
 */
describe("memberships", () => {
  const commands: string[] = [];
  const now = new Date("2026-12-01T10:00:00Z");

  beforeAll(async () => {
    await connectDatabase(inject("mongoUri"), freshDbName("membership"), { monitorCommands: true });
    mongoose.connection.getClient().on("commandStarted", (e) => commands.push(`${e.commandName} ${String(e.command[e.commandName])}`));
  });
  afterAll(() => disconnectDatabase());

  const counting = async <T>(fn: () => Promise<T>): Promise<[T, string[]]> => {
    commands.length = 0;
    const result = await fn();
    return [result, [...commands]];
  };

  it("reads an active member with their team in one round trip", async () => {
    const { team, member } = await seedTeam({ directorId: 701, name: "Alpha" });
    await readIdentity(701); // repairs nothing: createTeam set the pointer
    const [identity, trips] = await counting(() => readIdentity(701));
    expect(identity.membership).toMatchObject({ member: { _id: member._id, active: true }, team: { _id: team._id, name: "Alpha" } });
    expect(trips).toEqual(["aggregate users"]);
  });

  it("reads a newcomer in one round trip after the first look", async () => {
    await User.create({ _id: 702, firstName: "Newcomer" });
    expect((await readIdentity(702)).membership).toBeNull(); // looks once, records "none"
    const [identity, trips] = await counting(() => readIdentity(702));
    expect(identity.membership).toBeNull();
    expect(trips).toEqual(["aggregate users"]);
  });

  it("makes a new member when a deactivated manager joins another team; the old one stays behind", async () => {
    const a = await seedTeam({ directorId: 710, name: "Team A" });
    const b = await seedTeam({ directorId: 720, name: "Team B" });
    const inA = await createInvite({ teamId: a.team._id, createdBy: 710, role: "manager", level: 2, now, ttlDays: 7 });
    const joinedA = await redeemInvite({ token: inA._id, user: { telegramId: 730, name: "Mover" }, now });
    expect(joinedA.ok).toBe(true);
    const oldId = joinedA.ok ? joinedA.value.member._id : null;

    const inB = await createInvite({ teamId: b.team._id, createdBy: 720, role: "manager", level: 1, now, ttlDays: 7 });
    expect(await redeemInvite({ token: inB._id, user: { telegramId: 730, name: "Mover" }, now })).toMatchObject({ ok: false, error: "already-member" });
    expect(await Invite.findById(inB._id).lean()).toMatchObject({ usedAt: null }); // given back

    await deactivateManager(a.team._id, String(oldId), now);
    const joinedB = await redeemInvite({ token: inB._id, user: { telegramId: 730, name: "Mover" }, now });
    expect(joinedB.ok).toBe(true);
    const newMember = joinedB.ok ? joinedB.value.member : null;
    expect(newMember!._id.equals(oldId!)).toBe(false);
    expect(await Member.findById(oldId).lean()).toMatchObject({ teamId: a.team._id, active: false });
    expect((await Member.findById(oldId).lean())!.activeTelegramId).toBeUndefined();

    const identity = await readIdentity(730);
    expect(identity.membership?.team._id.equals(b.team._id)).toBe(true);
    expect(identity.membership?.member._id.equals(newMember!._id)).toBe(true);
  });

  it("tells a member who opens their own invite again that they are in, and completes a join cut short", async () => {
    const { team } = await seedTeam({ directorId: 740 });
    const invite = await createInvite({ teamId: team._id, createdBy: 740, role: "manager", level: 1, now, ttlDays: 7 });
    // A join cut short after the invite was claimed and before the member was written.
    await Invite.updateOne({ _id: invite._id }, { $set: { usedAt: now, usedBy: 741 } });
    const completed = await redeemInvite({ token: invite._id, user: { telegramId: 741, name: "Late" }, now });
    expect(completed).toMatchObject({ ok: true, value: { member: { _id: derivedObjectId("invite", invite._id) } } });
    expect(await redeemInvite({ token: invite._id, user: { telegramId: 741, name: "Late" }, now })).toMatchObject({ ok: false, error: "already-in-this-team" });
    expect(await redeemInvite({ token: invite._id, user: { telegramId: 742, name: "Other" }, now })).toMatchObject({ ok: false, error: "used" });
    expect(await Member.countDocuments({ telegramId: 741 })).toBe(1);
  });

  it("never lets a person be active in two teams, even when written around the use cases", async () => {
    const a = await seedTeam({ directorId: 750 });
    const b = await seedTeam({ directorId: 760 });
    await expect(
      Member.create({ teamId: b.team._id, telegramId: 750, activeTelegramId: 750, name: "Twice", role: "manager", level: 1, active: true, joinedAt: now }),
    ).rejects.toMatchObject({ code: 11000 });
    expect(a.member.activeTelegramId).toBe(750);
  });

  it("migrates memberships written by the previous version", async () => {
    const { team } = await seedTeam({ directorId: 770 });
    // The old shape: no activeTelegramId, one document per person under a unique index.
    await Member.deleteMany({ telegramId: 730 }); // the mover of an earlier test has two memberships: the old index forbids that
    await Member.collection.createIndex({ telegramId: 1 }, { unique: true, name: "telegramId_1" });
    const legacy = await Member.collection.insertOne({ teamId: team._id, telegramId: 771, name: "Legacy", role: "manager", level: 1, active: true, joinedAt: now });
    await migrate();
    await migrate(); // idempotent
    expect((await Member.findById(legacy.insertedId).lean())!.activeTelegramId).toBe(771);
    expect((await readIdentity(771)).membership?.member._id.equals(legacy.insertedId)).toBe(true);
    const indexes = await Member.collection.indexes();
    expect(indexes.some((i) => i.name === "telegramId_1" && i.unique)).toBe(false);
  });
});

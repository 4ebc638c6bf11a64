import mongoose from "mongoose";
import { resolveMongoEngine } from "/work/main/src/db/engine.js";
import { Client } from "/work/main/src/clients/client.model.js";
import { newClientDocument } from "/work/main/src/clients/create-client.js";
import { defaultTeamSettings } from "/work/main/src/teams/team-settings.js";

const engine = await resolveMongoEngine({ log: console.log });
await mongoose.connect(engine.uri, { dbName: "probe" });
await Client.init();
const teamId = new mongoose.Types.ObjectId();
const rot = defaultTeamSettings().rotation;
const now = new Date();
let t = Date.now();
for (let b = 0; b < 50; b++) {
  const ops = [];
  for (let i = 0; i < 1000; i++) {
    const hex = Math.random().toString(16).slice(2, 14);
    const doc = newClientDocument({ teamId, ownerId: null, client: { name: `${hex} Trading`, kind: "b2b", keyAccount: false, phones: ["+4915" + String(b * 1000 + i).padStart(8, "0")], email: `${hex}@x.de`, contactPerson: null, source: null, notes: null }, now, reason: "imported", rotation: rot });
    ops.push({ updateOne: { filter: { _id: doc._id }, update: { $setOnInsert: doc }, upsert: true } });
  }
  const q0 = Date.now();
  const found = await Client.find({ teamId, $or: [{ phones: { $in: ops.map((o) => o.updateOne.update.$setOnInsert.phones[0]) } }, { nameKey: { $in: ops.map((o) => o.updateOne.update.$setOnInsert.nameKey) } }, { email: { $in: ops.map((o) => o.updateOne.update.$setOnInsert.email) } }] }, { nameKey: 1 }).lean();
  const q1 = Date.now();
  await Client.bulkWrite(ops as never, { ordered: false });
  if (b % 10 === 0) console.log("batch", b, "query ms", q1 - q0, "found", found.length, "write ms", Date.now() - q1);
}
console.log("total", Date.now() - t, "rss MB", Math.round(process.memoryUsage().rss / 1e6));
await mongoose.disconnect();
await engine.stop();

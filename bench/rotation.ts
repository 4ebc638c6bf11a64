/**
 * Bench for issue 4: a team of 100,000 clients and 200 managers on 3 levels,
 * about 30% of clients due to rotate. Prints the time to load and plan, the
 * time to apply, and the database round trips of each; applying is batched,
 * so its round trips grow with clients/1000, not with clients.
 *
 *   npm run bench:rotation         (BENCH_CLIENTS=100000 BENCH_MANAGERS=200)
 */
import { Types } from "mongoose";
import { Client } from "../src/clients/client.model.js";
import { newClientDocument } from "../src/clients/create-client.js";
import { APPLY_BATCH, applyRun, planTeamRun } from "../src/rotation/run-rotation.js";
import { Member } from "../src/teams/member.model.js";
import { Team } from "../src/teams/team.model.js";
import { defaultTeamSettings } from "../src/teams/team-settings.js";
import { measure, openBenchDatabase } from "./support.js";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 100_000);
const MANAGERS = Number(process.env.BENCH_MANAGERS ?? 200);
const ELIGIBLE_SHARE = 0.3;
const NOW = new Date("2026-11-25T01:30:00Z");
const MONTH = 30 * 24 * 3600 * 1000;

const db = await openBenchDatabase("rotation");
const settings = defaultTeamSettings();
const team = await Team.create({ name: "Bench", timezone: "Europe/Berlin", country: "DE", currency: "EUR", language: "en", settings, createdBy: 1 });
const managers = Array.from({ length: MANAGERS }, (_, i) => ({
  _id: new Types.ObjectId(),
  teamId: team._id,
  telegramId: 2_000_000 + i,
  name: `Manager ${i}`,
  role: "manager" as const,
  level: 1 + (i % 3),
  active: true,
  joinedAt: new Date("2024-01-01"),
}));
await Member.insertMany(managers);

const seedStarted = Date.now();
for (let i = 0; i < CLIENTS; i += 5000) {
  const docs = [];
  for (let k = i; k < Math.min(CLIENTS, i + 5000); k++) {
    // Every third-ish client has been held for 7 months without a deal: due. The rest are recent.
    const due = (k * 7919) % 1000 < ELIGIBLE_SHARE * 1000;
    const at = new Date(NOW.getTime() - (due ? 7 : 2) * MONTH);
    docs.push(
      newClientDocument({
        teamId: team._id,
        ownerId: managers[k % MANAGERS]!._id,
        now: at,
        reason: "imported",
        rotation: settings.rotation,
        client: { name: `Client ${k}`, kind: "b2b", keyAccount: k % 23 === 0, phones: [], email: null, contactPerson: null, source: null, notes: null },
      }),
    );
  }
  await Client.collection.insertMany(docs, { ordered: false });
}
console.log(`seeded ${CLIENTS} clients, ${MANAGERS} managers on 3 levels in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

const teamDoc = (await Team.findById(team._id).lean())!;
const runId = `${team._id}:2026-11-25`;
const plan = await measure(() => planTeamRun({ team: teamDoc, runId, kind: "nightly", now: NOW }));
const run = plan.result;
const apply = await measure(() => applyRun(run, teamDoc));
// The crash rerun repeats every conditional update; on the offline stand-in each one scans the
// collection, so at full size it is opt-in there (BENCH_RERUN=1).
const rerun = process.env.MONGODB_URI || process.env.BENCH_RERUN ? await measure(() => applyRun({ ...run, appliedAt: null }, teamDoc)) : null;

console.log(`\nmoves planned: ${run.moves.length} (${((run.moves.length / CLIENTS) * 100).toFixed(1)}% of clients), unplaced ${run.unplacedCount}`);
console.log(`${"step".padEnd(34)} ${"ms".padStart(9)}  round trips`);
console.log(`${"load + plan + store the run".padEnd(34)} ${plan.ms.toFixed(0).padStart(9)}  ${plan.roundTrips}`);
console.log(`${("apply (batches of " + APPLY_BATCH + ")").padEnd(34)} ${apply.ms.toFixed(0).padStart(9)}  ${apply.roundTrips}  (moved ${apply.result.moved}, skipped ${apply.result.skipped})`);
if (rerun) console.log(`${"apply again (crash rerun)".padEnd(34)} ${rerun.ms.toFixed(0).padStart(9)}  ${rerun.roundTrips}  (moved ${rerun.result.moved} already done, nothing twice)`);
const batches = Math.ceil(run.moves.length / APPLY_BATCH);
console.log(`\napply round trips per batch of ${APPLY_BATCH}: ${((apply.roundTrips - 1) / batches).toFixed(1)} (${batches} batches)`);
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (bench process)`);
await db.close();
process.exit(0);

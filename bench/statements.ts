/**
 * Bench for issue 5: monthly statements for a team of 200 managers with
 * 200,000 deals in the month. Prints the time and database round trips of
 * building every manager's statement and the team summary, and of writing
 * the director's CSV of all lines.
 *
 *   npm run bench:statements      (BENCH_MANAGERS=200 BENCH_DEALS=200000)
 */
import { statSync } from "node:fs";
import { Types } from "mongoose";
import { lineDocument } from "../src/bonuses/accrual.js";
import { BonusLine } from "../src/bonuses/bonus-line.model.js";
import { accrueDeal } from "../src/bonuses/calculator.js";
import { writeStatementCsv } from "../src/bonuses/statement-csv.js";
import { buildStatements } from "../src/bonuses/statements.js";
import { Client } from "../src/clients/client.model.js";
import { newClientDocument } from "../src/clients/create-client.js";
import { Member } from "../src/teams/member.model.js";
import { defaultTeamSettings } from "../src/teams/team-settings.js";
import { measure, openBenchDatabase } from "./support.js";

const MANAGERS = Number(process.env.BENCH_MANAGERS ?? 200);
const DEALS = Number(process.env.BENCH_DEALS ?? 200_000);
const TIMEZONE = "Europe/Moscow";
const MONTH = "2026-01";

const db = await openBenchDatabase("statements");
const teamId = new Types.ObjectId();
const settings = defaultTeamSettings();
const plan = { ...settings.bonus, acquisitionBonusMinor: 100_000 };
const managers = Array.from({ length: MANAGERS }, (_, i) => ({
  _id: new Types.ObjectId(),
  teamId,
  telegramId: 3_000_000 + i,
  name: `Manager ${String(i).padStart(3, "0")}`,
  role: "manager" as const,
  level: 1,
  active: true,
  joinedAt: new Date("2025-01-01"),
}));
await Member.insertMany(managers);

// Each client gets five deals in the month: the first earns the raised rate and the acquisition bonus.
const DEALS_PER_CLIENT = 5;
const started = Date.now();
let lines = 0;
for (let c = 0; c < DEALS / DEALS_PER_CLIENT; c += 1000) {
  const clients = [];
  const docs = [];
  for (let k = c; k < Math.min(DEALS / DEALS_PER_CLIENT, c + 1000); k++) {
    const owner = managers[k % MANAGERS]!;
    const client = newClientDocument({
      teamId,
      ownerId: owner._id,
      now: new Date("2025-12-01"),
      reason: "imported",
      rotation: settings.rotation,
      client: { name: `Client ${k}`, kind: "b2b", keyAccount: false, phones: [], email: null, contactPerson: null, source: null, notes: null },
    });
    clients.push(client);
    for (let seq = 1; seq <= DEALS_PER_CLIENT; seq++) {
      const deal = { _id: new Types.ObjectId(), teamId, at: new Date(Date.UTC(2026, 0, 1 + ((k + seq * 5) % 28), 9)) };
      const drafts = accrueDeal(plan, { dealId: String(deal._id), clientId: String(client._id), managerId: String(owner._id), amountMinor: 1_000_000 + k, profitMinor: null, date: deal.at, sequence: seq }, TIMEZONE);
      docs.push(...drafts.map((d) => lineDocument(deal, d, deal.at)));
    }
  }
  await Client.collection.insertMany(clients, { ordered: false });
  await BonusLine.collection.insertMany(docs as never[], { ordered: false });
  lines += docs.length;
}
console.log(`seeded ${DEALS} deals (${lines} bonus lines) for ${MANAGERS} managers in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const built = await measure(() => buildStatements(teamId, MONTH));
const csv = await measure(() => writeStatementCsv(teamId, MONTH, "EUR", TIMEZONE));
const size = statSync(csv.result.path).size;
await csv.result.remove();

console.log(`\n${"step".padEnd(44)} ${"ms".padStart(9)}  round trips`);
console.log(`${("statements for " + built.result.managers.length + " managers + team summary").padEnd(44)} ${built.ms.toFixed(0).padStart(9)}  ${built.roundTrips}`);
console.log(`${("director's CSV (" + csv.result.rows + " lines, " + (size / 1e6).toFixed(1) + " MB)").padEnd(44)} ${csv.ms.toFixed(0).padStart(9)}  ${csv.roundTrips}`);
console.log(`team payable ${built.result.total.payableMinor / 100}, held ${built.result.total.heldMinor / 100}`);
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (bench process)`);
await db.close();
process.exit(0);

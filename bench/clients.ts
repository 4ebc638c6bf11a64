/**
 * Bench for issue 3: a team with 50,000 clients and 500,000 contacts/deals.
 * Measures /clients (first and a deep page), a client card and /find (name,
 * phone, email), as the domain calls the bot makes, and counts database round
 * trips per operation at 5,000 and at 50,000 clients: they must not grow.
 *
 *   npm run bench:clients            (BENCH_CLIENTS=50000 BENCH_EVENTS=500000 by default)
 */
import { Types } from "mongoose";
import { loadClientCard } from "../src/clients/card.js";
import { ClientEvent, CONTACT_KINDS } from "../src/clients/client-event.model.js";
import { Client } from "../src/clients/client.model.js";
import { newClientDocument } from "../src/clients/create-client.js";
import { findClients, listClients } from "../src/clients/queries.js";
import type { Viewer } from "../src/clients/viewer.js";
import { Deal } from "../src/deals/deal.model.js";
import { Member } from "../src/teams/member.model.js";
import { defaultTeamSettings } from "../src/teams/team-settings.js";
import { fmt, measure, openBenchDatabase, percentile } from "./support.js";

const TOTAL_CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50_000);
const TOTAL_EVENTS = Number(process.env.BENCH_EVENTS ?? 500_000);
const MANAGERS = 20;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const BATCH = 5_000;

const db = await openBenchDatabase("clients");
const teamId = new Types.ObjectId();
const rotation = defaultTeamSettings().rotation;
const managers = Array.from({ length: MANAGERS }, (_, i) => ({
  _id: new Types.ObjectId(),
  teamId,
  telegramId: 1_000_000 + i,
  name: `Manager ${i}`,
  role: "manager" as const,
  level: 1 + (i % 3),
  active: true,
  joinedAt: new Date("2025-01-01"),
}));
await Member.insertMany(managers);
const clientIds: Types.ObjectId[] = [];
let seededClients = 0;
let seededEvents = 0;

/** Adds clients (and their share of events and deals) until the base has `upTo` clients. */
async function seed(upTo: number): Promise<void> {
  const started = Date.now();
  const eventsPerClient = TOTAL_EVENTS / TOTAL_CLIENTS;
  while (seededClients < upTo) {
    const n = Math.min(BATCH, upTo - seededClients);
    const clients = [];
    const events = [];
    const deals = [];
    for (let k = 0; k < n; k++) {
      const i = seededClients + k;
      const owner = managers[i % MANAGERS]!;
      const created = new Date(Date.UTC(2025, 0, 1) + (i % 600) * 86_400_000);
      const doc = newClientDocument({
        teamId,
        ownerId: owner._id,
        now: created,
        reason: "imported",
        rotation,
        client: {
          name: `Client ${i} ${["Trading", "Foods", "Motors", "Textiles"][i % 4]}`,
          kind: i % 5 === 0 ? "b2c" : "b2b",
          keyAccount: i % 17 === 0,
          phones: [`+4930${String(10_000_000 + i)}`],
          email: `buyer${i}@client${i}.example`,
          contactPerson: null,
          source: "bench",
          notes: null,
        },
      });
      clients.push(doc);
      clientIds.push(doc._id);
      for (let e = 0; e < eventsPerClient; e++) {
        const at = new Date(created.getTime() + (e + 1) * 3_600_000);
        if (e % 10 === 9) {
          const dealId = new Types.ObjectId();
          deals.push({ _id: dealId, teamId, clientId: doc._id, managerId: owner._id, amountMinor: 100_000 + e, profitMinor: null, currency: "EUR", date: at.toISOString().slice(0, 10), at, note: null, sequence: 1 + Math.floor(e / 10), createdAt: at });
          events.push({ teamId, clientId: doc._id, kind: "deal", at, actorId: owner._id, dealId, amountMinor: 100_000 + e });
        } else {
          events.push({ teamId, clientId: doc._id, kind: CONTACT_KINDS[e % CONTACT_KINDS.length], at, actorId: owner._id, text: `Contact ${e} with client ${i}` });
        }
      }
    }
    await Client.collection.insertMany(clients, { ordered: false });
    await ClientEvent.collection.insertMany(events, { ordered: false });
    if (deals.length) await Deal.collection.insertMany(deals, { ordered: false });
    seededClients += n;
    seededEvents += events.length;
  }
  console.log(`seeded ${seededClients} clients, ${seededEvents} contacts/deals in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const manager: Viewer = { teamId, memberId: managers[0]!._id, role: "manager" };
const director: Viewer = { teamId, memberId: new Types.ObjectId(), role: "director" };
const pick = () => Math.floor(Math.random() * seededClients);
const ownedBy0 = () => clientIds[Math.floor(Math.random() * (seededClients / MANAGERS)) * MANAGERS]!;

const operations: [string, () => Promise<unknown>][] = [
  ["/clients (manager, page 1)", () => listClients(manager, { filter: "active", page: 0, pageSize: 8 })],
  ["/clients (manager, page 50)", () => listClients(manager, { filter: "active", page: 49, pageSize: 8 })],
  ["/clients (director, never bought)", () => listClients(director, { filter: "never-bought", page: 0, pageSize: 8 })],
  ["client card (manager)", () => loadClientCard(manager, String(ownedBy0()), 0, 6)],
  ["client card (director, history p.2)", () => loadClientCard(director, String(clientIds[pick()]), 1, 6)],
  ["/find name (director)", () => findClients(director, `client ${pick()} `, 0, 8)],
  ["/find phone ending (director)", () => findClients(director, String(10_000_000 + pick()).slice(-7), 0, 8)],
  ["/find email (manager)", () => findClients(manager, `buyer${pick()}@`, 0, 8)],
];

async function run(label: string): Promise<Map<string, number[]>> {
  console.log(`\n${label}: ${seededClients} clients, ${seededEvents} contacts/deals, ${ITERATIONS} runs each`);
  console.log(`${"operation".padEnd(38)}     p50 ms   p95 ms   round trips`);
  const trips = new Map<string, number[]>();
  for (const [name, op] of operations) {
    await op(); // warm-up
    const times: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const m = await measure(op);
      times.push(m.ms);
      counts.push(m.roundTrips);
    }
    trips.set(name, counts);
    const range = Math.min(...counts) === Math.max(...counts) ? String(counts[0]) : `${Math.min(...counts)}-${Math.max(...counts)}`;
    console.log(`${name.padEnd(38)} ${fmt(percentile(times, 50))} ${fmt(percentile(times, 95))}   ${range}`);
  }
  return trips;
}

await seed(TOTAL_CLIENTS / 10);
const small = await run("small base");
await seed(TOTAL_CLIENTS);
const large = await run("full base");

// Constant: every run of an operation, on the small and the full base, took the same number of round trips.
const constant = operations.every(([name]) => new Set([...small.get(name)!, ...large.get(name)!]).size === 1);
console.log(`\nround trips independent of base size: ${constant ? "yes" : "NO"}`);
console.log(`rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB (bench process)`);
await db.close();
process.exit(constant ? 0 : 1);

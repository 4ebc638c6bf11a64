/**
 * Bench for issue 12: the digest's revenue chart. Prints the first render in
 * a fresh process (module load, font registration, chart.js set-up included)
 * and steady-state renders for 10 and 200 managers (Hindi, Russian and
 * English names, ₹ amounts, targets), with PNG sizes. No database.
 *
 *   npm run bench:chart           (BENCH_ITERATIONS=30; BENCH_OUT=dir writes the PNGs)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RevenueBar, RevenueChartInput } from "../src/digest/revenue-chart.js";

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 30);
const OUT = process.env.BENCH_OUT;

const NAMES = ["राजेश कुमार शर्मा", "Алексей Смирнов", "John O'Neil", "श्रीनिवास रामचंद्रन कृष्णमूर्ति", "Виктория Константинопольская"];

function team(size: number): RevenueChartInput {
  const bars: RevenueBar[] = Array.from({ length: size }, (_, i) => ({
    label: `${NAMES[i % NAMES.length]} ${i + 1}`,
    actualMinor: ((i * 7919) % 300) * 1_000_00 + i * 37,
    targetMinor: i % 3 === 0 ? null : 200_000_00,
  }));
  return {
    title: "प्रबंधकों के अनुसार राजस्व, 1–17 नवंबर",
    subtitle: "कुल ₹3,12,45,000",
    currency: "INR",
    locale: "hi",
    bars,
    othersLabel: (count) => `अन्य (${count})`,
    targetLabel: "लक्ष्य",
  };
}

// Not bench/support.ts's: that one loads mongoose, and this bench needs no database.
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

const loadStarted = process.hrtime.bigint();
const { renderRevenueChart, planRevenueRows } = await import("../src/digest/revenue-chart.js");
const loadMs = ms(loadStarted);

const firstStarted = process.hrtime.bigint();
const firstPng = await renderRevenueChart(team(10));
const firstMs = ms(firstStarted);

console.log(`module load (chart.js, @napi-rs/canvas)   ${loadMs.toFixed(0).padStart(6)} ms`);
console.log(`first render, 10 managers (fonts, set-up)  ${firstMs.toFixed(0).padStart(6)} ms  ${(firstPng.length / 1024).toFixed(0)} KB`);
console.log(`\n${"managers".padEnd(10)} ${"bars".padStart(5)} ${"size px".padStart(12)} ${"PNG KB".padStart(8)} ${"first ms".padStart(9)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)}`);

for (const size of [10, 200]) {
  const input = team(size);
  const bars = planRevenueRows(input.bars, input.othersLabel).length;
  const started = process.hrtime.bigint();
  const png = await renderRevenueChart(input);
  const first = ms(started);
  const times: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t = process.hrtime.bigint();
    await renderRevenueChart(input);
    times.push(ms(t));
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  console.log(
    `${String(size).padEnd(10)} ${String(bars).padStart(5)} ${`${width}×${height}`.padStart(12)} ${(png.length / 1024).toFixed(0).padStart(8)} ${first.toFixed(1).padStart(9)} ${percentile(times, 50).toFixed(1).padStart(8)} ${percentile(times, 95).toFixed(1).padStart(8)} ${Math.max(...times).toFixed(1).padStart(8)}`,
  );
  if (OUT) {
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `revenue-chart-${size}.png`), png);
  }
}
console.log(`\n${ITERATIONS} renders each; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);

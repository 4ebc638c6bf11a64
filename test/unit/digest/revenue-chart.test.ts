/**
 * The digest's revenue chart (issue #12), rendered for real with chart.js and
 * @napi-rs/canvas; no database. Glyphs are proven to come from the registered
 * font files: their cmaps (read from the woff2 files themselves) cover every
 * character drawn, the text measures differently from boxes, and every piece
 * of text chart.js and the renderer draw is drawn with the registered list.
 */
import { readFileSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";
import { createCanvas, GlobalFonts, loadImage, type SKRSContext2D } from "@napi-rs/canvas";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { CHART_FONT_FAMILIES, CHART_FONT_FAMILY, CHART_FONT_WEIGHTS, registerChartFonts } from "../../../src/digest/chart-fonts.js";
import {
  fitText,
  MAX_ROWS,
  maxRowsWithinTelegramLimits,
  planRevenueRows,
  renderRevenueChart,
  revenueChartSize,
  TELEGRAM_PHOTO_LIMITS,
  type RevenueBar,
  type RevenueChartInput,
} from "../../../src/digest/revenue-chart.js";

const HINDI = "राजेश कुमार";
const RUSSIAN = "Алексей Смирнов";
const ENGLISH = "John O'Neil";

const BARS: RevenueBar[] = [
  { label: HINDI, actualMinor: 125_000_00, targetMinor: 200_000_00 },
  { label: RUSSIAN, actualMinor: 310_500_50, targetMinor: 250_000_00 },
  { label: ENGLISH, actualMinor: 98_000_00, targetMinor: null },
];

const input = (overrides: Partial<RevenueChartInput> = {}): RevenueChartInput => ({
  title: "Выручка по менеджерам, 1–17 ноября",
  subtitle: "Итого 533 500 ₽",
  currency: "RUB",
  locale: "ru",
  bars: BARS,
  othersLabel: (count) => `остальные (${count})`,
  targetLabel: "план",
  ...overrides,
});

const fonts = registerChartFonts();

describe("chart fonts", () => {
  it("registers every subset at both weights, once, under names no OS installs", () => {
    expect(registerChartFonts()).toBe(fonts);
    expect(fonts.families).toEqual(CHART_FONT_FAMILIES);
    expect(fonts.families).toContain("Baton Noto Sans Devanagari");
    expect(fonts.families).toContain("Baton Noto Sans Cyrillic");
    const registered = GlobalFonts.families;
    for (const family of fonts.families) {
      expect(GlobalFonts.has(family)).toBe(true);
      const entries = registered.filter((entry) => entry.family === family);
      expect(entries).toHaveLength(1);
      expect(entries[0]!.styles.map((style) => style.weight).sort()).toEqual([...CHART_FONT_WEIGHTS]);
    }
    expect(fonts.files).toHaveLength(fonts.families.length * CHART_FONT_WEIGHTS.length);
    for (const file of fonts.files) expect(file).toMatch(/node_modules[\\/]@fontsource[\\/].+\.woff2$/);
  });

  it("has a glyph for every character of Latin, Cyrillic and Devanagari names and of ₽ and ₹ amounts", () => {
    const covered = new Set<number>();
    for (const file of fonts.files) for (const codePoint of woff2CodePoints(file)) covered.add(codePoint);
    const texts = [
      HINDI,
      RUSSIAN,
      ENGLISH,
      "Ёлкина Жанна-Щукина, Ұлан Қасымұлы",
      "श्रीनिवास कृष्णमूर्ति",
      new Intl.NumberFormat("ru", { style: "currency", currency: "RUB" }).format(1_250_000.5),
      new Intl.NumberFormat("hi", { style: "currency", currency: "INR", notation: "compact" }).format(1_250_000),
      new Intl.NumberFormat("en", { style: "currency", currency: "INR" }).format(1_250_000),
      "others (12) · 63 % …",
    ];
    for (const text of texts) {
      const missing = [...text].filter((char) => !covered.has(char.codePointAt(0)!));
      expect(missing, text).toEqual([]);
    }
  });

  it("measures Devanagari and Cyrillic names with real glyphs, not boxes", () => {
    const ctx = createCanvas(10, 10).getContext("2d");
    ctx.lang = "en";
    ctx.font = `40px ${CHART_FONT_FAMILY}`;
    // A private-use character has no glyph anywhere: it draws as the first font's box (.notdef).
    const box = ctx.measureText("\uE000").width;
    const boxes = (text: string) => ctx.measureText(text.replace(/\S/gu, "\uE000")).width;
    expect(box).toBeGreaterThan(0);
    for (const name of [HINDI, RUSSIAN]) {
      expect(ctx.measureText(name).width, name).not.toBeCloseTo(boxes(name), 0);
    }
    // The Devanagari family alone shapes the name: the vowel signs combine, so it is narrower than one box per code point.
    ctx.font = `40px "Baton Noto Sans Devanagari"`;
    expect(ctx.measureText(HINDI).width).toBeLessThan([...HINDI.replace(/ /gu, "")].length * box);
  });
});

describe("revenue chart", () => {
  const drawn: { text: string; font: string }[] = [];

  beforeAll(() => {
    // Every text the chart draws, with the font the context really had at that moment.
    const proto = Object.getPrototypeOf(createCanvas(1, 1).getContext("2d")) as SKRSContext2D;
    const fillText = proto.fillText;
    vi.spyOn(proto, "fillText").mockImplementation(function (this: SKRSContext2D, ...args: Parameters<SKRSContext2D["fillText"]>) {
      drawn.push({ text: args[0], font: this.font });
      return fillText.apply(this, args);
    });
  });
  afterEach(() => {
    drawn.length = 0;
  });

  it("renders Devanagari, Cyrillic and Latin names, ₽ amounts and targets as a valid PNG", async () => {
    const png = await renderRevenueChart(input());
    const { width, height } = await expectValidPng(png);
    expect({ width, height }).toEqual(revenueChartSize(3, { subtitle: true, legend: true }));

    const texts = drawn.map((entry) => entry.text.replace(/\s/gu, " ")); // Russian groups digits with no-break spaces
    expect(texts).toEqual(expect.arrayContaining([HINDI, RUSSIAN, ENGLISH, "план", "Итого 533 500 ₽"]));
    expect(texts).toContain("310 501 ₽ · 124 %"); // 310,500.50 rounded; 124 % of the target
    expect(texts).toContain("125 000 ₽ · 63 %");
    expect(texts).toContain("98 000 ₽"); // no target, no share
    expect(texts.some((text) => /тыс\. ₽/u.test(text))).toBe(true); // axis ticks
    for (const { text, font } of drawn) expect(font, text).toContain(CHART_FONT_FAMILY);
  });

  it("renders ₹ amounts and a Hindi title", async () => {
    const png = await renderRevenueChart(
      input({ title: "प्रबंधकों के अनुसार राजस्व", subtitle: undefined, currency: "INR", locale: "hi", targetLabel: "लक्ष्य" }),
    );
    await expectValidPng(png);
    const texts = drawn.map((entry) => entry.text);
    expect(texts).toEqual(expect.arrayContaining(["प्रबंधकों के अनुसार राजस्व", "लक्ष्य", "₹3,10,501 · 124%", "₹98,000"]));
    for (const { text, font } of drawn) expect(font, text).toContain(CHART_FONT_FAMILY);
  });

  it("keeps 200 managers within Telegram's photo limits: the top 35 and one others bar", async () => {
    const bars = Array.from({ length: 200 }, (_, i) => ({
      label: [`${HINDI} शर्मा ${i}`, `${RUSSIAN}-Константинопольский ${i}`, `${ENGLISH} ${i}`][i % 3]!,
      actualMinor: ((i * 7919) % 200) * 1_000_00 + i,
      targetMinor: i % 4 === 0 ? null : 150_000_00,
    }));
    const png = await renderRevenueChart(input({ bars, currency: "INR", locale: "hi" }));
    const { width, height } = await expectValidPng(png);
    expect({ width, height }).toEqual(revenueChartSize(MAX_ROWS, { subtitle: true, legend: true }));

    const rows = planRevenueRows(bars, (count) => `остальные (${count})`);
    expect(rows).toHaveLength(MAX_ROWS);
    expect(rows.at(-1)).toMatchObject({ label: "остальные (165)", kind: "others", targetMinor: null });
    const total = bars.reduce((sum, bar) => sum + bar.actualMinor, 0);
    expect(rows.reduce((sum, row) => sum + row.actualMinor, 0)).toBe(total);
    expect(drawn.map((entry) => entry.text)).toContain("остальные (165)");
    // Long names are cut with an ellipsis.
    expect(drawn.some(({ text }) => text.startsWith("Алексей Смирнов-Конст") && text.endsWith("…"))).toBe(true);
  });

  it("stays within the limits at the largest number of bars it accepts", async () => {
    const most = maxRowsWithinTelegramLimits();
    expect(most).toBeGreaterThan(MAX_ROWS);
    const bars = Array.from({ length: most + 10 }, (_, i) => ({ label: `${RUSSIAN} ${i}`, actualMinor: i * 100, targetMinor: 5_000 }));
    await expectValidPng(await renderRevenueChart(input({ bars, maxRows: most })));
    await expect(renderRevenueChart(input({ bars, maxRows: most + 1 }))).rejects.toThrow(RangeError);
  });

  it("gives the same bytes for the same input", async () => {
    const first = await renderRevenueChart(input());
    const second = await renderRevenueChart(input());
    expect(second.equals(first)).toBe(true);
  });

  it("renders a single manager and a team without revenue", async () => {
    const one = await renderRevenueChart(input({ bars: [{ label: HINDI, actualMinor: 0 }], subtitle: undefined }));
    expect(await expectValidPng(one)).toEqual(revenueChartSize(1));
    const zeros = await renderRevenueChart(input({ bars: BARS.map((bar) => ({ ...bar, actualMinor: 0, targetMinor: null })) }));
    await expectValidPng(zeros);
    await expect(renderRevenueChart(input({ bars: [] }))).rejects.toThrow(RangeError);
  });
});

describe("rows", () => {
  const others = (count: number) => `others (${count})`;

  it("sorts by revenue, highest first, ties in input order", () => {
    const rows = planRevenueRows(
      [
        { label: "a", actualMinor: 5 },
        { label: "b", actualMinor: 9, targetMinor: 0 },
        { label: "c", actualMinor: 5, targetMinor: 7 },
      ],
      others,
    );
    expect(rows).toEqual([
      { label: "b", actualMinor: 9, targetMinor: null, kind: "manager" }, // a zero target is no target
      { label: "a", actualMinor: 5, targetMinor: null, kind: "manager" },
      { label: "c", actualMinor: 5, targetMinor: 7, kind: "manager" },
    ]);
  });

  it("sums the targets of the others bar only when each of them has one", () => {
    const bars = [1, 2, 3, 4].map((n) => ({ label: `m${n}`, actualMinor: n * 10, targetMinor: n * 100 }));
    expect(planRevenueRows(bars, others, 3).at(-1)).toEqual({ label: "others (2)", actualMinor: 30, targetMinor: 300, kind: "others" });
    (bars[0] as RevenueBar).targetMinor = null;
    expect(planRevenueRows(bars, others, 3).at(-1)).toMatchObject({ actualMinor: 30, targetMinor: null });
  });

  it("refuses amounts that are not integer minor units", () => {
    expect(() => planRevenueRows([{ label: "a", actualMinor: 1.5 }], others)).toThrow(RangeError);
    expect(() => planRevenueRows([{ label: "a", actualMinor: 1, targetMinor: -1 }], others)).toThrow(RangeError);
  });
});

describe("fitText", () => {
  const ctx = createCanvas(10, 10).getContext("2d");
  ctx.lang = "hi";
  ctx.font = `12px ${CHART_FONT_FAMILY}`;
  const segmenter = new Intl.Segmenter("hi", { granularity: "grapheme" });

  it("keeps a name that fits and cuts a long one between grapheme clusters", () => {
    expect(fitText(ctx, HINDI, 170)).toBe(HINDI);
    const long = "श्रीनिवास रामचंद्रन कृष्णमूर्ति वेंकटेश्वरन अय्यंगार";
    for (const maxWidth of [40, 80, 120, 170]) {
      const cut = fitText(ctx, long, maxWidth);
      expect(cut.endsWith("…")).toBe(true);
      expect(ctx.measureText(cut).width).toBeLessThanOrEqual(maxWidth);
      const kept = [...segmenter.segment(cut.slice(0, -1))].map((s) => s.segment);
      const original = [...segmenter.segment(long)].map((s) => s.segment);
      expect(original.slice(0, kept.length)).toEqual(kept); // no syllable split from its vowel sign or virama
    }
  });
});

/** Checks the PNG's structure and decodes it; returns its size. */
async function expectValidPng(png: Buffer): Promise<{ width: number; height: number }> {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  expect(png.toString("latin1", png.length - 8, png.length - 4)).toBe("IEND");
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect(width + height).toBeLessThanOrEqual(TELEGRAM_PHOTO_LIMITS.maxWidthPlusHeight);
  expect(Math.max(width / height, height / width)).toBeLessThanOrEqual(TELEGRAM_PHOTO_LIMITS.maxAspectRatio);
  expect(png.length).toBeLessThanOrEqual(TELEGRAM_PHOTO_LIMITS.maxBytes);
  const image = await loadImage(png);
  expect({ width: image.width, height: image.height }).toEqual({ width, height });
  return { width, height };
}

/**
 * The code points a woff2 font maps to a glyph, read from its own cmap table
 * (WOFF2: a table directory, then one Brotli stream; cmap is never transformed).
 */
function woff2CodePoints(path: string): Set<number> {
  const file = readFileSync(path);
  expect(file.toString("latin1", 0, 4)).toBe("wOF2");
  const numTables = file.readUInt16BE(12);
  const totalCompressedSize = file.readUInt32BE(20);
  let at = 48; // the directory follows the 48-byte header
  let offset = 0;
  let cmap: { offset: number; length: number } | undefined;
  for (let i = 0; i < numTables; i++) {
    const flags = file[at++]!;
    const tagIndex = flags & 0x3f; // 0 = cmap, 10 = glyf, 11 = loca, 63 = an explicit tag follows
    if (tagIndex === 63) at += 4;
    let length: number;
    [length, at] = readUIntBase128(file, at);
    const version = flags >> 6;
    const transformed = tagIndex === 10 || tagIndex === 11 ? version === 0 : version !== 0;
    if (transformed) [length, at] = readUIntBase128(file, at);
    if (tagIndex === 0) cmap = { offset, length };
    offset += length;
  }
  if (!cmap) throw new Error(`${path} has no cmap`);
  const tables = brotliDecompressSync(file.subarray(at, at + totalCompressedSize));
  const table = tables.subarray(cmap.offset, cmap.offset + cmap.length);
  const points = new Set<number>();
  for (let i = 0; i < table.readUInt16BE(2); i++) {
    const sub = table.readUInt32BE(8 + i * 8);
    const format = table.readUInt16BE(sub);
    if (format === 4) {
      const segments = table.readUInt16BE(sub + 6) / 2;
      const ends = sub + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const end = table.readUInt16BE(ends + s * 2);
        const start = table.readUInt16BE(starts + s * 2);
        const delta = table.readUInt16BE(deltas + s * 2);
        const rangeOffset = table.readUInt16BE(rangeOffsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph = rangeOffset === 0 ? c : table.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
          if (rangeOffset !== 0 && glyph === 0) continue;
          glyph = (glyph + delta) & 0xffff;
          if (glyph !== 0) points.add(c);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < table.readUInt32BE(sub + 12); g++) {
        const start = table.readUInt32BE(sub + 16 + g * 12);
        const end = table.readUInt32BE(sub + 20 + g * 12);
        for (let c = start; c <= end; c++) points.add(c);
      }
    }
  }
  return points;
}

function readUIntBase128(buffer: Buffer, at: number): [number, number] {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = buffer[at + i]!;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return [value, at + i + 1];
  }
  throw new Error("bad UIntBase128");
}

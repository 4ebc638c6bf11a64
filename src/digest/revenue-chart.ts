/**
 * The director's digest chart (issue #12): revenue by manager, month to
 * date, as horizontal bars (names are long), each bar's target marked when
 * set, every bar labelled with its amount (and share of target).
 *
 * chart.js 4 draws on an @napi-rs/canvas canvas (Node, no DOM): only the
 * controller, element, scales and plugins used are registered; no animation,
 * no responsiveness, a fixed device pixel ratio, no events. Text uses only
 * the fonts registered by chart-fonts.ts, so Latin, Cyrillic and Devanagari
 * names and ₽ / ₹ render the same on every host.
 *
 * Telegram photo limits (width + height ≤ 10,000 px, aspect ratio ≤ 20,
 * ≤ 10 MB): the height grows with the bars, and above MAX_ROWS the chart
 * shows the top managers by revenue plus one "others (k)" bar.
 */
import { createCanvas, type SKRSContext2D } from "@napi-rs/canvas";
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  SubTitle,
  Title,
  type ChartConfiguration,
  type ChartItem,
  type Plugin,
} from "chart.js";
import { currencyMinorDigits } from "../shared/parse/amount.js";
import { CHART_FONT_FAMILY, registerChartFonts } from "./chart-fonts.js";

export interface RevenueBar {
  /** The manager's name, in any script; long names are cut with an ellipsis. */
  label: string;
  /** Revenue month to date in integer minor units (cents, kopecks, paise). */
  actualMinor: number;
  /** The month's target in minor units; null, undefined or 0 when none is set. */
  targetMinor?: number | null;
}

export interface RevenueChartInput {
  /** The chart's title, already translated (e.g. "Revenue by manager, 1–17 November"). */
  title: string;
  /** An optional second line under the title, already translated (e.g. the team total). */
  subtitle?: string;
  /** ISO 4217 code of the amounts (RUB, INR, USD): minor digits and the sign. */
  currency: string;
  /** The reader's language ("en", "ru", "hi"): number format and text shaping. */
  locale: string;
  /** One bar per manager, in any order: the chart sorts them by revenue. At least one. */
  bars: readonly RevenueBar[];
  /** The label of the aggregated bar, translated, for the number of managers it holds: k => `others (${k})`. */
  othersLabel: (count: number) => string;
  /** The legend text of the target marker, translated; shown when some bar has a target. */
  targetLabel?: string;
  /** Bars drawn at most, the "others" bar included (default MAX_ROWS). */
  maxRows?: number;
}

/** One drawn bar: a manager, or the aggregate of the managers below the top. */
export interface RevenueRow {
  label: string;
  actualMinor: number;
  targetMinor: number | null;
  kind: "manager" | "others";
}

/** Bars drawn at most by default: 35 managers and "others", a PNG of 1040 × about 2,000 px. */
export const MAX_ROWS = 36;

/** Telegram's limits for a photo (sendPhoto). */
export const TELEGRAM_PHOTO_LIMITS = { maxWidthPlusHeight: 10_000, maxAspectRatio: 20, maxBytes: 10 * 1024 * 1024 };

// Layout, in CSS pixels; the PNG is SCALE times larger (phones zoom in).
const SCALE = 2;
const WIDTH = 520;
const ROW_HEIGHT = 24;
const CHROME_HEIGHT = 66; // axis and padding
const TITLE_HEIGHT = 26;
const SUBTITLE_HEIGHT = 18;
const LEGEND_HEIGHT = 22;
const MIN_HEIGHT = 160;
const FONT_SIZE = 12;
const TITLE_SIZE = 15;
const LABEL_MAX_WIDTH = 170;
const VALUE_GAP = 5;
const ELLIPSIS = "…";

const COLORS = {
  background: "#ffffff",
  text: "#1f2328",
  muted: "#59636e",
  grid: "#e6e8eb",
  bar: "#3b7dd8",
  barMet: "#2f9e5b",
  others: "#a7b0ba",
  target: "#c62828",
};

let registeredChartJs = false;

function setUp(): void {
  registerChartFonts();
  if (registeredChartJs) return;
  Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title, SubTitle, Legend);
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  Chart.defaults.font.size = FONT_SIZE;
  Chart.defaults.color = COLORS.text;
  registeredChartJs = true;
}

/**
 * The bars to draw: sorted by revenue (highest first, ties in input order);
 * above `maxRows`, the top `maxRows - 1` and one "others" bar with the sum of
 * the rest (its target is the sum of theirs when each of them has one).
 */
export function planRevenueRows(
  bars: readonly RevenueBar[],
  othersLabel: (count: number) => string,
  maxRows: number = MAX_ROWS,
): RevenueRow[] {
  if (bars.length === 0) throw new RangeError("a revenue chart needs at least one bar");
  if (!Number.isInteger(maxRows) || maxRows < 2 || maxRows > maxRowsWithinTelegramLimits()) {
    throw new RangeError(`maxRows must be an integer from 2 to ${maxRowsWithinTelegramLimits()}, got ${maxRows}`);
  }
  const rows = bars.map((bar, index) => {
    if (!Number.isSafeInteger(bar.actualMinor)) throw new RangeError(`bar ${index}: actualMinor must be a safe integer`);
    const target = bar.targetMinor ?? null;
    if (target !== null && (!Number.isSafeInteger(target) || target < 0)) {
      throw new RangeError(`bar ${index}: targetMinor must be a non-negative safe integer or null`);
    }
    const row: RevenueRow = { label: bar.label, actualMinor: bar.actualMinor, targetMinor: target || null, kind: "manager" };
    return { row, index };
  });
  rows.sort((a, b) => b.row.actualMinor - a.row.actualMinor || a.index - b.index);
  if (rows.length <= maxRows) return rows.map(({ row }) => row);
  const shown = rows.slice(0, maxRows - 1).map(({ row }) => row);
  const rest = rows.slice(maxRows - 1).map(({ row }) => row);
  const everyTarget = rest.every((row) => row.targetMinor !== null);
  shown.push({
    label: othersLabel(rest.length),
    actualMinor: rest.reduce((sum, row) => sum + row.actualMinor, 0),
    targetMinor: everyTarget ? rest.reduce((sum, row) => sum + (row.targetMinor ?? 0), 0) : null,
    kind: "others",
  });
  return shown;
}

/** The PNG's size in pixels for a number of drawn bars. */
export function revenueChartSize(rows: number, options: { subtitle?: boolean; legend?: boolean } = {}): { width: number; height: number } {
  const header = TITLE_HEIGHT + (options.subtitle ? SUBTITLE_HEIGHT : 0) + (options.legend ? LEGEND_HEIGHT : 0);
  const height = Math.max(MIN_HEIGHT, CHROME_HEIGHT + header + rows * ROW_HEIGHT);
  return { width: WIDTH * SCALE, height: height * SCALE };
}

/** The most bars a chart can have and still be a Telegram photo (with a subtitle and a legend). */
export function maxRowsWithinTelegramLimits(): number {
  const fits = (rows: number) => {
    const { width, height } = revenueChartSize(rows, { subtitle: true, legend: true });
    return width + height <= TELEGRAM_PHOTO_LIMITS.maxWidthPlusHeight && height / width <= TELEGRAM_PHOTO_LIMITS.maxAspectRatio;
  };
  let rows = 1;
  while (fits(rows + 1)) rows++;
  return rows;
}

/** Renders the chart as a PNG (a Buffer for grammY's InputFile). */
export async function renderRevenueChart(input: RevenueChartInput): Promise<Buffer> {
  setUp();
  const rows = planRevenueRows(input.bars, input.othersLabel, input.maxRows);
  const digits = currencyMinorDigits(input.currency);
  const major = (minor: number) => minor / 10 ** digits;
  const money = new Intl.NumberFormat(input.locale, { style: "currency", currency: input.currency, maximumFractionDigits: 0 });
  const compactMoney = new Intl.NumberFormat(input.locale, {
    style: "currency",
    currency: input.currency,
    notation: "compact",
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  const percent = new Intl.NumberFormat(input.locale, { style: "percent", maximumFractionDigits: 0 });
  const font = (size: number, weight: "normal" | "bold" = "normal") => `${weight} ${size}px ${CHART_FONT_FAMILY}`;

  const hasTargets = rows.some((row) => row.targetMinor !== null);
  const showLegend = hasTargets && Boolean(input.targetLabel);
  const subtitle = input.subtitle?.trim();
  const size = revenueChartSize(rows.length, { subtitle: Boolean(subtitle), legend: showLegend });
  const cssWidth = size.width / SCALE;
  const cssHeight = size.height / SCALE;

  // Text is measured on the chart's own context, with the same fonts and language.
  const canvas = createCanvas(cssWidth, cssHeight);
  const measure = canvas.getContext("2d");
  measure.lang = input.locale;
  measure.font = font(FONT_SIZE);
  const labels = rows.map((row) => fitText(measure, cleanLabel(row.label), LABEL_MAX_WIDTH));
  const textWidth = cssWidth - 24;
  const subtitleText = subtitle ? fitText(measure, cleanLabel(subtitle), textWidth) : "";
  measure.font = font(TITLE_SIZE, "bold");
  const title = fitText(measure, cleanLabel(input.title), textWidth);
  measure.font = font(FONT_SIZE);
  const valueLabels = rows.map((row) => {
    const amount = money.format(major(row.actualMinor));
    return row.targetMinor === null ? amount : `${amount} · ${percent.format(row.actualMinor / row.targetMinor)}`;
  });
  const valueWidth = Math.max(...valueLabels.map((text) => measure.measureText(text).width));
  // The scale fits the managers' bars and targets. The "others" bar, a sum of many, would dwarf them:
  // past the scale it is cut at the edge (marked with a break) and its label still gives the full sum.
  const scaleMax = Math.max(
    1,
    ...rows.filter((row) => row.kind === "manager").map((row) => major(Math.max(row.actualMinor, row.targetMinor ?? 0))),
  );

  const decorations: Plugin<"bar"> = {
    id: "batonRevenueDecorations",
    // chart.js has just sized the canvas, which resets the context: set the language before it measures text.
    afterInit: (chart) => {
      (chart.ctx as unknown as SKRSContext2D).lang = input.locale;
    },
    beforeDraw: (chart) => {
      const ctx = chart.ctx as unknown as SKRSContext2D;
      ctx.save();
      ctx.fillStyle = COLORS.background; // Telegram turns photos into JPEG: no transparency
      ctx.fillRect(0, 0, chart.width, chart.height);
      ctx.restore();
    },
    afterDatasetsDraw: (chart) => {
      const ctx = chart.ctx as unknown as SKRSContext2D;
      const x = chart.scales.x!;
      const bars = chart.getDatasetMeta(0).data;
      ctx.save();
      ctx.font = font(FONT_SIZE);
      ctx.textBaseline = "middle";
      ctx.textAlign = "left";
      const { right: edge } = chart.chartArea;
      rows.forEach((row, i) => {
        const bar = bars[i];
        if (!bar) return;
        const { y, height } = bar.getProps(["y", "height"], true) as { y: number; height: number };
        let right = Math.max(x.getPixelForValue(major(row.actualMinor)), x.getPixelForValue(0));
        if (right > edge) {
          right = edge;
          drawBreak(ctx, edge - 14, y, height);
        }
        if (row.targetMinor !== null) {
          const tx = x.getPixelForValue(major(row.targetMinor));
          ctx.strokeStyle = COLORS.target;
          ctx.lineWidth = 2.5;
          ctx.beginPath();
          ctx.moveTo(tx, y - height / 2 - 3);
          ctx.lineTo(tx, y + height / 2 + 3);
          ctx.stroke();
          right = Math.max(right, tx + 1);
        }
        ctx.fillStyle = row.kind === "others" ? COLORS.muted : COLORS.text;
        ctx.fillText(valueLabels[i]!, right + VALUE_GAP, y);
      });
      ctx.restore();
    },
  };

  const config: ChartConfiguration<"bar", number[], string> = {
    type: "bar",
    data: {
      labels,
      datasets: [
        {
          data: rows.map((row) => major(row.actualMinor)),
          backgroundColor: rows.map((row) =>
            row.kind === "others"
              ? COLORS.others
              : row.targetMinor !== null && row.actualMinor >= row.targetMinor
                ? COLORS.barMet
                : COLORS.bar,
          ),
          borderRadius: 3,
          maxBarThickness: 20,
          barPercentage: 0.9,
          categoryPercentage: 0.82,
        },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: false,
      animation: false,
      devicePixelRatio: SCALE,
      events: [],
      layout: { padding: { top: 4, right: Math.ceil(valueWidth) + VALUE_GAP + 8, bottom: 6, left: 8 } },
      scales: {
        x: {
          type: "linear",
          position: "top",
          beginAtZero: true,
          // After the data limits, before the ticks: the ticks round this up to a nice value.
          afterDataLimits: (scale) => {
            scale.max = scaleMax;
          },
          grid: { color: COLORS.grid },
          border: { display: false },
          ticks: {
            color: COLORS.muted,
            precision: 0,
            maxTicksLimit: 6,
            maxRotation: 0, // skip ticks rather than tilt them
            autoSkipPadding: 10,
            callback: (value) => compactMoney.format(Number(value)),
          },
        },
        y: {
          type: "category",
          grid: { display: false },
          ticks: { autoSkip: false, color: COLORS.text, font: { size: FONT_SIZE } },
        },
      },
      plugins: {
        title: {
          display: true,
          text: title,
          align: "start",
          color: COLORS.text,
          font: { size: TITLE_SIZE, weight: "bold" },
          padding: { top: 6, bottom: subtitle ? 2 : 8 },
        },
        subtitle: {
          display: Boolean(subtitle),
          text: subtitleText,
          align: "start",
          color: COLORS.muted,
          font: { size: FONT_SIZE },
          padding: { bottom: 6 },
        },
        legend: {
          display: showLegend,
          position: "top",
          align: "start",
          labels: {
            usePointStyle: true,
            boxHeight: 12,
            padding: 6,
            color: COLORS.muted,
            generateLabels: () => [
              {
                text: input.targetLabel ?? "",
                pointStyle: "line",
                rotation: 90,
                strokeStyle: COLORS.target,
                fillStyle: COLORS.target,
                lineWidth: 2.5,
                hidden: false,
                datasetIndex: 0,
              },
            ],
          },
        },
      },
    },
    plugins: [decorations],
  };

  const chart = new Chart(canvas as unknown as ChartItem, config);
  let png: Buffer;
  try {
    png = await canvas.encode("png");
  } finally {
    chart.destroy();
  }
  if (png.length > TELEGRAM_PHOTO_LIMITS.maxBytes) throw new Error(`revenue chart PNG is ${png.length} bytes, over Telegram's photo limit`);
  return png;
}

/** Two white slashes across a bar cut at the chart's edge. */
function drawBreak(ctx: SKRSContext2D, x: number, y: number, height: number): void {
  ctx.save();
  ctx.strokeStyle = COLORS.background;
  ctx.lineWidth = 2;
  for (const dx of [0, 5]) {
    ctx.beginPath();
    ctx.moveTo(x + dx - 3, y + height / 2 + 1);
    ctx.lineTo(x + dx + 3, y - height / 2 - 1);
    ctx.stroke();
  }
  ctx.restore();
}

/** One line of text: runs of whitespace (newlines too) become one space; an empty name a dash. */
function cleanLabel(text: string): string {
  return text.replace(/\s+/gu, " ").trim() || "—";
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * The text, cut to fit `maxWidth` with an ellipsis. It is cut between
 * grapheme clusters, so a Devanagari syllable (consonant + vowel sign) or a
 * letter with its accent is never split.
 */
export function fitText(ctx: Pick<SKRSContext2D, "measureText">, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const parts = Array.from(graphemes.segment(text), (s) => s.segment);
  // The longest prefix that fits with the ellipsis: binary search on the number of clusters.
  let low = 0;
  let high = parts.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ctx.measureText(parts.slice(0, mid).join("").trimEnd() + ELLIPSIS).width <= maxWidth) low = mid;
    else high = mid - 1;
  }
  return parts.slice(0, low).join("").trimEnd() + ELLIPSIS;
}

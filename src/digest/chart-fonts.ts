/**
 * Fonts for server-rendered charts. Nothing is taken from the host: the
 * Noto Sans files ship as npm packages (@fontsource/*) and are registered
 * with @napi-rs/canvas once per process, each subset under its own family
 * name. @napi-rs/canvas never borrows a glyph from a registered family that
 * the font list does not name (a missing character goes to installed fonts,
 * else a box), so text must be drawn with the whole list, CHART_FONT_FAMILY.
 *
 * Subsets: latin (digits, punctuation, …), latin-ext (₽ U+20BD, ₹ U+20B9 and
 * accented Latin), cyrillic and cyrillic-ext (Russian and the other Cyrillic
 * alphabets), devanagari (Hindi, with its own ₹). Weights 400 and 700.
 */
import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";

const require = createRequire(import.meta.url);

interface FontFace {
  /** The family name registered with @napi-rs/canvas: one per subset, names no OS installs. */
  family: string;
  /** The npm specifier of the woff2 file, with `{weight}` for the weight. */
  file: string;
}

/** In font-list order: a character is drawn with the first family that has it. */
const FACES: readonly FontFace[] = [
  { family: "Baton Noto Sans", file: "@fontsource/noto-sans/files/noto-sans-latin-{weight}-normal.woff2" },
  { family: "Baton Noto Sans Latin Ext", file: "@fontsource/noto-sans/files/noto-sans-latin-ext-{weight}-normal.woff2" },
  { family: "Baton Noto Sans Cyrillic", file: "@fontsource/noto-sans/files/noto-sans-cyrillic-{weight}-normal.woff2" },
  { family: "Baton Noto Sans Cyrillic Ext", file: "@fontsource/noto-sans/files/noto-sans-cyrillic-ext-{weight}-normal.woff2" },
  {
    family: "Baton Noto Sans Devanagari",
    file: "@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-devanagari-{weight}-normal.woff2",
  },
];

/** The weights registered for every family: regular text and bold titles. */
export const CHART_FONT_WEIGHTS = [400, 700] as const;

/** The registered family names, in font-list order. */
export const CHART_FONT_FAMILIES: readonly string[] = FACES.map((face) => face.family);

/** A CSS font-family list naming every registered family, for `ctx.font` and chart.js's `font.family`. */
export const CHART_FONT_FAMILY = CHART_FONT_FAMILIES.map((family) => `"${family}"`).join(", ");

export interface ChartFonts {
  /** Registered family names, in font-list order. */
  families: readonly string[];
  /** The same as a CSS font-family list (CHART_FONT_FAMILY). */
  fontFamily: string;
  /** The absolute paths of the registered files. */
  files: readonly string[];
}

let registered: ChartFonts | undefined;

/** The absolute path of each font file, resolved through node_modules (from src/ and dist/src/ alike). */
export function chartFontFiles(): { family: string; weight: number; path: string }[] {
  return FACES.flatMap((face) =>
    CHART_FONT_WEIGHTS.map((weight) => {
      const specifier = face.file.replace("{weight}", String(weight));
      let path: string;
      try {
        path = require.resolve(specifier);
      } catch (error) {
        throw new Error(`Chart font ${specifier} is not installed (npm ci installs it): ${String(error)}`, { cause: error });
      }
      return { family: face.family, weight, path };
    }),
  );
}

/**
 * Registers the chart fonts with @napi-rs/canvas (once; later calls return
 * the same result) and returns their family names. Throws when a file is
 * missing or unreadable, rather than letting text fall back to host fonts.
 */
export function registerChartFonts(): ChartFonts {
  if (registered) return registered;
  const files = chartFontFiles();
  for (const { family, weight, path } of files) {
    // The native registry outlives this module (a test runner may load it twice): no second copy.
    if (hasFace(family, weight)) continue;
    if (GlobalFonts.registerFromPath(path, family) === null) {
      throw new Error(`Chart font ${path} could not be loaded by @napi-rs/canvas`);
    }
  }
  for (const { family, weight } of files) {
    if (!hasFace(family, weight)) throw new Error(`Chart font family "${family}" ${weight} is not registered`);
  }
  registered = { families: CHART_FONT_FAMILIES, fontFamily: CHART_FONT_FAMILY, files: files.map((file) => file.path) };
  return registered;
}

function hasFace(family: string, weight: number): boolean {
  return GlobalFonts.families.some((entry) => entry.family === family && entry.styles.some((style) => style.weight === weight));
}

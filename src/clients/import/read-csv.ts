import { Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { detectDelimiter } from "./columns.js";

/** Why a file cannot be read as a table at all; each has an `import-file-<code>` text. */
export type CsvReadErrorCode = "not-text" | "empty" | "broken";

export class CsvReadError extends Error {
  constructor(
    readonly code: CsvReadErrorCode,
    /** The line where reading stopped, for "broken". */
    readonly line?: number,
  ) {
    super(`CSV ${code}${line ? ` at line ${line}` : ""}`);
    this.name = "CsvReadError";
  }
}

export interface CsvRow {
  /** The row number a spreadsheet shows: the header is usually row 1, empty lines count. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: string;
  header: string[];
  /** The data rows, read as they are consumed (never the whole file in memory). Empty rows are left out. */
  rows: AsyncGenerator<CsvRow>;
}

/** A download (async chunks) or, in tests, plain strings. */
export type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** Enough text to hold a header line; a file without a line break in 64 KB is one long header or not a table. */
const HEAD_LIMIT = 64 * 1024;
/** One record may not exceed this: an unclosed quote would otherwise swallow the rest of the file into one field. */
const MAX_RECORD_BYTES = 256 * 1024;

/**
 * UTF-8 text, chunk by chunk. A BOM is dropped (TextDecoder does that at the
 * start); bytes that are not UTF-8, or NUL bytes, mean a spreadsheet's binary
 * format or a legacy code page: "not-text".
 */
async function* decodeUtf8(source: CsvSource): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new CsvReadError("not-text");
    }
  };
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decode(chunk);
    if (text.includes("\u0000")) throw new CsvReadError("not-text");
    if (text) yield text;
  }
  const tail = decode();
  if (tail) yield tail;
}

const isEmpty = (cells: string[]) => cells.every((c) => c.trim() === "");

/**
 * Opens a CSV stream: reads just enough to find the header line and its
 * delimiter (",", ";" or tab), then hands out rows as they are parsed, with
 * backpressure down to the download. Rows may have fewer or more cells than
 * the header; stray quotes inside fields are kept as text.
 */
export async function openCsv(source: CsvSource): Promise<CsvTable> {
  const text = decodeUtf8(source);
  let head = "";
  for (;;) {
    if (/[\r\n]/.test(head) || head.length >= HEAD_LIMIT) break;
    const next = await text.next();
    if (next.done) break;
    head += next.value;
  }
  if (head.trim() === "") throw new CsvReadError("empty");
  const delimiter = detectDelimiter(head.split(/\r\n|\n|\r/, 1)[0] ?? "");

  // The line the last complete record ended on, noted as the parser goes: an
  // unclosed quote is reported at the end of the file, but it starts on the next line.
  let parsedLines = 0;
  const parser = parse({
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false, // empty lines still count as rows, so numbers match the spreadsheet
    max_record_size: MAX_RECORD_BYTES,
    on_record: (record: string[], context) => {
      parsedLines = context.lines;
      return record;
    },
  });
  const input = Readable.from(
    (async function* () {
      yield head;
      yield* text;
    })(),
  );
  input.on("error", (err) => parser.destroy(err));
  input.pipe(parser);
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;

  let row = 0;
  const next = async (): Promise<string[] | null> => {
    try {
      const result = await records.next();
      if (result.done) return null;
      row++;
      return result.value;
    } catch (err) {
      if (err instanceof CsvError) throw new CsvReadError("broken", parsedLines + 1);
      throw err;
    }
  };
  const close = () => {
    input.destroy();
    parser.destroy();
  };

  let header: string[] | null;
  try {
    do header = await next();
    while (header && isEmpty(header));
  } catch (err) {
    close();
    throw err;
  }
  if (!header) {
    close();
    throw new CsvReadError("empty");
  }
  async function* rows(): AsyncGenerator<CsvRow> {
    try {
      for (let cells = await next(); cells; cells = await next()) {
        if (!isEmpty(cells)) yield { row, cells };
      }
    } finally {
      close();
    }
  }
  return { delimiter, header: header.map((h) => h.trim()), rows: rows() };
}

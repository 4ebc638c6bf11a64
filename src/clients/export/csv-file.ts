import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { stringify, type Stringifier } from "csv-stringify";

/**
 * A CSV document written row by row to a temporary file, so a file of any
 * size costs a few kilobytes of memory, and sending it can be retried (the
 * Bot API client reopens a file path, never a consumed stream).
 */
export class CsvFile {
  rows = 0;
  private constructor(
    readonly path: string,
    private readonly dir: string,
    private readonly csv: Stringifier,
    private readonly done: Promise<void>,
  ) {}

  /**
   * A BOM makes Excel read UTF-8 (Cyrillic, Devanagari) correctly; the
   * delimiter can follow the uploaded file's, so the director's Excel opens
   * the bad rows the way it opened the original.
   */
  static async create(fileName: string, header: string[], opts: { delimiter?: string } = {}): Promise<CsvFile> {
    const dir = await mkdtemp(join(tmpdir(), "baton-csv-"));
    const path = join(dir, fileName);
    const out = createWriteStream(path);
    const csv = stringify({ bom: true, delimiter: opts.delimiter ?? ",", record_delimiter: "windows" });
    // pipeline, not pipe: a failing disk must fail the writer instead of leaving it waiting for "drain".
    const file = new CsvFile(path, dir, csv, pipeline(csv, out));
    // Write errors (disk full) surface on close(), not as an unhandled event.
    file.done.catch(() => {});
    await file.write(header);
    file.rows = 0;
    return file;
  }

  /** Appends one row, waiting when the disk is slower than the rows come. */
  async write(cells: (string | number | null | undefined)[]): Promise<void> {
    this.rows++;
    if (!this.csv.write(cells.map((c) => (c === null || c === undefined ? "" : String(c))))) await once(this.csv, "drain");
  }

  async close(): Promise<void> {
    this.csv.end();
    await this.done;
  }

  /** Removes the file and its folder; safe to call twice. */
  async remove(): Promise<void> {
    this.csv.destroy();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Text cells starting with = + - @ are formulas to Excel and LibreOffice: a
 * client named "=HYPERLINK(…)" would run when the director opens the file.
 * An apostrophe in front makes them text (and the import strips it again).
 */
export function safeCell(value: string | null | undefined): string {
  if (!value) return "";
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

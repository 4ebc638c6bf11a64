import { basename, extname } from "node:path";
import { CsvFile } from "../export/csv-file.js";
import type { RowProblem } from "./import.model.js";
import type { ImportHooks } from "./run-import.js";

/**
 * Every row an import leaves out, as a CSV the director can open, fix and
 * send back: the row number and the reason first, then the row's own cells
 * under its own header, in the uploaded file's delimiter. The first few
 * problems are also kept for the chat message.
 */
export class SkippedRows {
  readonly samples: RowProblem[] = [];
  private file: CsvFile | undefined;

  constructor(
    private readonly opts: {
      uploadName: string;
      labels: { row: string; reason: string };
      reasonOf: (problem: RowProblem) => string;
      maxSamples: number;
    },
  ) {}

  /** "clients.csv" → "clients-not-imported.csv". */
  get fileName(): string {
    const base = basename(this.opts.uploadName, extname(this.opts.uploadName)).slice(0, 60) || "import";
    return `${base}-not-imported.csv`;
  }

  get rows(): number {
    return this.file?.rows ?? 0;
  }

  hooks(): Required<Pick<ImportHooks, "onStart" | "onProblem">> {
    return {
      onStart: async ({ header, delimiter }) => {
        this.file = await CsvFile.create(this.fileName, [this.opts.labels.row, this.opts.labels.reason, ...header], { delimiter });
      },
      onProblem: async (problem, cells) => {
        if (this.samples.length < this.opts.maxSamples) this.samples.push(problem);
        await this.file!.write([problem.row, this.opts.reasonOf(problem), ...cells]);
      },
    };
  }

  /** The finished file, or null when every row was imported. */
  async close(): Promise<{ path: string; name: string; rows: number } | null> {
    if (!this.file || this.file.rows === 0) return null;
    await this.file.close();
    return { path: this.file.path, name: this.fileName, rows: this.file.rows };
  }

  async remove(): Promise<void> {
    await this.file?.remove();
  }
}

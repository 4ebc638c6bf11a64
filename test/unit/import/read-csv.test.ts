import { describe, expect, it } from "vitest";
import { CsvReadError, openCsv } from "../../../src/clients/import/read-csv.js";

/** The bytes in chunks of `size`, like a download: boundaries fall inside characters and lines. */
async function* chunks(content: string | Buffer, size = 3): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(content);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function readAll(content: string | Buffer, size?: number) {
  const table = await openCsv(chunks(content, size));
  const rows = [];
  for await (const row of table.rows) rows.push(row);
  return { delimiter: table.delimiter, header: table.header, rows };
}

async function failure(content: string | Buffer): Promise<{ code: string; line?: number }> {
  try {
    await readAll(content);
  } catch (err) {
    if (err instanceof CsvReadError) return { code: err.code, ...(err.line !== undefined ? { line: err.line } : {}) };
    throw err;
  }
  throw new Error("expected a CsvReadError");
}

describe("reading CSV streams", () => {
  it("reads UTF-8 with a BOM, semicolons and CRLF, split at any byte", async () => {
    const csv = "\uFEFFНазвание;Телефон\r\nРомашка;+7 912 345-67-89\r\nनमस्ते;\r\n";
    for (const size of [1, 2, 5, 1024]) {
      expect(await readAll(csv, size)).toEqual({
        delimiter: ";",
        header: ["Название", "Телефон"],
        rows: [
          { row: 2, cells: ["Ромашка", "+7 912 345-67-89"] },
          { row: 3, cells: ["नमस्ते", ""] },
        ],
      });
    }
  });

  it("reads tabs and commas; quoted cells keep delimiters and line breaks; numbers match the spreadsheet", async () => {
    expect(await readAll("name\tnotes\nA\tx\n")).toMatchObject({ delimiter: "\t", rows: [{ row: 2, cells: ["A", "x"] }] });
    const result = await readAll('name,notes\n\n"Acme, Inc.","two\nlines"\n  \nBeta,say "hi"\nGamma\n');
    expect(result.rows).toEqual([
      { row: 3, cells: ["Acme, Inc.", "two\nlines"] },
      { row: 5, cells: ["Beta", 'say "hi"'] },
      { row: 6, cells: ["Gamma"] },
    ]);
  });

  it("refuses what is not a UTF-8 table", async () => {
    expect(await failure("")).toEqual({ code: "empty" });
    expect(await failure("\n\n  \n")).toEqual({ code: "empty" });
    expect(await failure(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toEqual({ code: "not-text" }); // a zip (.xlsx)
    expect(await failure(Buffer.from([0xcd, 0xe0, 0xe7, 0xe2, 0xe0, 0xed, 0xe8, 0xe5, 0x0a]))).toEqual({ code: "not-text" }); // "Название" in cp1251
    expect(await failure(Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xcd, 0xe0, 0xe7]))).toEqual({ code: "not-text" }); // cp1251 after a valid header
  });

  it("stops at an unclosed quote with its line", async () => {
    expect(await failure('name,notes\nA,ok\nB,"never closed\nC,d\n')).toEqual({ code: "broken", line: 3 });
  });
});

import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { EXPORT_KINDS } from "../../../src/clients/export/rows.js";
import type { ImportDoc, RowProblem } from "../../../src/clients/import/import.model.js";
import { SUPPORTED_LANGUAGES } from "../../../src/config.js";
import { createI18n, translator } from "../../../src/i18n/i18n.js";
import { CALLBACK_DATA_MAX_BYTES } from "../../../src/telegram/callback-data.js";
import {
  exportButton,
  importCancelButton,
  importConfirmButton,
  importOwnerButton,
  importPreviewButton,
} from "../../../src/telegram/import-export/callbacks.js";
import { confirmView, exportMenuView, OWNERS_PER_PAGE, previewView, reportText } from "../../../src/telegram/import-export/views.js";
import { keyboardFits, MESSAGE_MAX } from "../../../src/telegram/limits.js";

const i18n = createI18n({ defaultLanguage: "en", languageOf: () => undefined });
const t = translator(i18n, "en");
const id = () => String(new Types.ObjectId());

function anImport(over: Partial<ImportDoc> = {}): Pick<ImportDoc, "_id" | "fileName" | "columns" | "preview" | "samples"> {
  return {
    _id: new Types.ObjectId(),
    fileName: "base.csv",
    columns: [{ header: "Name", field: "name" }],
    preview: { rows: 3, valid: 2, bad: 1, duplicates: 0 },
    samples: [{ row: 3, kind: "bad", code: "name-missing", detail: null }],
    ...over,
  };
}

const managers = (n: number) => Array.from({ length: n }, (_, i) => ({ _id: new Types.ObjectId(), name: `Manager ${String(i).padStart(3, "0")}` }));
const payloads = (view: ReturnType<typeof previewView>) =>
  view.keyboard!.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));

describe("import and export button codecs", () => {
  it("read back what they write, within Telegram's 64 bytes", () => {
    const importId = id();
    const owner = id();
    const cases = [
      [importPreviewButton, { importId, page: 12 }],
      [importOwnerButton, { importId, owner }],
      [importOwnerButton, { importId, owner: null }],
      [importConfirmButton, { importId, owner }],
      [importConfirmButton, { importId, owner: null }],
      [importCancelButton, { importId }],
      ...EXPORT_KINDS.map((kind) => [exportButton, { kind }] as const),
    ] as const;
    for (const [codec, data] of cases) {
      const payload = (codec.pack as (d: unknown) => string)(data);
      expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
      expect(codec.unpack(payload)).toEqual(data);
    }
  });

  it("decode forged or malformed payloads to nothing, never throwing", () => {
    const importId = id();
    const forged: [{ unpack(p: string): unknown }, string][] = [
      [importConfirmButton, `imp.y:${importId}:pool`],
      [importConfirmButton, `imp.y:${importId}:zzz`],
      [importConfirmButton, `imp.y:${importId}`],
      [importConfirmButton, `imp.y:${importId.toUpperCase()}:-`],
      [importConfirmButton, `imp:y:${importId}:pool`], // the old, hand-written format
      [importOwnerButton, `imp.o:${importId}:-:extra`],
      [importPreviewButton, `imp.p:${importId}:-1`],
      [importPreviewButton, `imp.p:${importId}:`],
      [importCancelButton, "imp.x:"],
      [importCancelButton, `imp.x:${"a".repeat(80)}`],
      [exportButton, "exp:pdf"],
      [exportButton, "exp:"],
      [exportButton, "exp:clients:1"],
    ];
    for (const [codec, payload] of forged) expect(codec.unpack(payload), payload).toBeNull();
  });
});

describe("import views", () => {
  it("page the owner buttons: 200 managers stay within Telegram's keyboard limits, each offered once", () => {
    const owners = managers(200);
    const imp = anImport();
    const pages = Math.ceil(owners.length / OWNERS_PER_PAGE);
    const offered: string[] = [];
    for (let page = 0; page < pages; page++) {
      const view = previewView(t, imp, owners, page);
      expect(keyboardFits(view.keyboard)).toBe(true);
      expect(view.text).toContain(`Page ${page + 1} of ${pages}`);
      const all = payloads(view);
      expect(all.every((p) => importOwnerButton.unpack(p) ?? importPreviewButton.unpack(p) ?? importCancelButton.unpack(p))).toBeTruthy();
      offered.push(...all.flatMap((p) => importOwnerButton.unpack(p)?.owner ?? []));
      const nav = all.flatMap((p) => importPreviewButton.unpack(p)?.page ?? []);
      expect(nav).toEqual([...(page > 0 ? [page - 1] : []), ...(page < pages - 1 ? [page + 1] : [])]);
    }
    expect(offered).toEqual(owners.map((m) => String(m._id)));
    // A page past the end (the team shrank meanwhile) shows the last one.
    expect(previewView(t, imp, owners, 99).text).toContain(`Page ${pages} of ${pages}`);
  });

  it("show no owners and no pages when nothing can be imported, and no page line for a small team", () => {
    const nothing = previewView(t, anImport({ preview: { rows: 1, valid: 0, bad: 1, duplicates: 0 } }), managers(50));
    expect(nothing.keyboard!.inline_keyboard.flat().map((b) => b.text)).toEqual(["✖ Cancel"]);
    const small = previewView(t, anImport(), managers(3));
    expect(small.text).not.toContain("Page");
    expect(small.keyboard!.inline_keyboard.flat()).toHaveLength(1 + 3 + 1);
  });

  it("confirm for the pool or a manager, with Back to the preview", () => {
    const imp = anImport();
    const ownerId = new Types.ObjectId();
    const view = confirmView(t, imp, { id: ownerId, name: "Anna" });
    expect(view.text).toBe("Import 2 clients for Anna?");
    const [confirm, back] = view.keyboard!.inline_keyboard.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(importConfirmButton.unpack(confirm!)).toEqual({ importId: String(imp._id), owner: String(ownerId) });
    expect(importPreviewButton.unpack(back!)).toEqual({ importId: String(imp._id), page: 0 });
    expect(importConfirmButton.unpack(payloads(confirmView(t, imp, { id: null, name: null }))[0]!)).toEqual({ importId: String(imp._id), owner: null });
  });

  it.each(SUPPORTED_LANGUAGES)("keep the preview and the report of a messy file within one message (%s)", (language) => {
    const tl = translator(i18n, language);
    const long = "Ж".repeat(200);
    const samples: RowProblem[] = Array.from({ length: 10 }, (_, i) => ({ row: 100_000 + i, kind: "team", code: "name", clientName: long, holder: long.slice(0, 64) }));
    const imp = anImport({
      fileName: `${long}.csv`,
      columns: Array.from({ length: 60 }, (_, i) => ({ header: `${long}${i}`, field: null })),
      preview: { rows: 100_000, valid: 90_000, bad: 5_000, duplicates: 5_000 },
      samples,
    });
    expect(previewView(tl, imp, managers(200)).text.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(reportText(tl, imp, imp.preview!, long, samples).length).toBeLessThanOrEqual(MESSAGE_MAX);
  });
});

describe("export views", () => {
  it("offer one button per kind", () => {
    const view = exportMenuView(t);
    expect(view.text).toBe("What would you like to export?");
    expect(view.keyboard!.inline_keyboard.flat().map((b) => ("callback_data" in b ? exportButton.unpack(b.callback_data) : null))).toEqual(
      EXPORT_KINDS.map((kind) => ({ kind })),
    );
  });
});

import { Composer } from "grammy";
import type { BotContext } from "../../../telegram/context.js";
import type { BotFeature } from "../../feature.js";
import { exportHandlers } from "./export.js";
import { importHandlers } from "./import.js";

/**
 * Import and export (directors): a CSV of clients imported after a preview,
 * an owner and a confirmation; CSV exports of clients, contacts and deals.
 *
 *   domain     src/clients/import/ (use-cases.ts: the director's steps; processing.ts: the jobs' work;
 *              run-import.ts, read-csv.ts, columns.ts, rows.ts, dedupe.ts), src/clients/export/ (use-cases.ts, rows)
 *   views      src/telegram/import-export/ (callbacks.ts, views.ts), src/telegram/files.ts (downloads)
 *   jobs       jobs/import-export/ (import.check, import.clients, export.csv)
 *   locales    locales/<lang>/import-export.ftl
 */
export const importExportFeature: BotFeature = {
  name: "import-export",
  handlers: (deps) => new Composer<BotContext>().use(importHandlers(deps), exportHandlers(deps)),
};

import type { JobDefinition } from "../runtime/define-job.js";
import type { JobDeps } from "../runtime/deps.js";
import { exportCsvJob } from "./export-csv.js";
import { importCheckJob } from "./import-check.js";
import { importClientsJob } from "./import-clients.js";

/** The CSV import (check, then import) and the exports. */
export function importExportJobs(deps: JobDeps): JobDefinition<"import.check" | "import.clients" | "export.csv">[] {
  return [importCheckJob(deps), importClientsJob(deps), exportCsvJob(deps)];
}

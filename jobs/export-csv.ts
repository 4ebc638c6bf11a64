import type { Agenda } from "agenda";
import { Types } from "mongoose";
import { deliverDocument } from "../src/telegram/files.js";
import { CONTACT_KINDS } from "../src/clients/client-event.model.js";
import { CsvFile } from "../src/clients/export/csv-file.js";
import { exportRows } from "../src/clients/export/export-rows.js";
import { EXPORT_COLUMNS, EXPORT_KINDS, type ExportKind, type ExportLabels } from "../src/clients/export/rows.js";
import type { Translate } from "../src/i18n/i18n.js";
import dayjs from "../src/shared/dayjs.js";
import { Member } from "../src/teams/member.model.js";
import { Team } from "../src/teams/team.model.js";
import { languageOfUser } from "../src/users/users.js";
import type { JobDeps } from "./runtime/deps.js";

export const EXPORT_JOB = "export.csv";

export interface ExportData extends Record<string, unknown> {
  teamId: string;
  kind: ExportKind;
  /** The director who asked; the file goes to their chat. */
  chatId: number;
}

export function exportLabels(t: Translate): ExportLabels {
  return {
    yes: t("export-yes"),
    no: t("export-no"),
    freePool: t("import-free-pool"),
    status: { active: t("export-status-active"), lost: t("export-status-lost") },
    contactKind: Object.fromEntries(CONTACT_KINDS.map((k) => [k, t(`export-contact-${k}`)])) as ExportLabels["contactKind"],
    followUp: { scheduled: t("export-follow-up-scheduled"), sent: t("export-follow-up-sent"), done: t("export-follow-up-done") },
  };
}

/**
 * Streams the team's clients, contacts or deals from a database cursor into
 * a temporary CSV file and sends it to the director. Reading changes
 * nothing, so a rerun after a crash at worst sends the file a second time.
 */
export function defineExportCsv(agenda: Agenda, deps: JobDeps): void {
  agenda.define<ExportData>(
    EXPORT_JOB,
    async (job) => {
      const { teamId, kind, chatId } = job.attrs.data;
      if (!EXPORT_KINDS.includes(kind)) return;
      const team = await Team.findById(new Types.ObjectId(teamId)).lean();
      if (!team) return;
      const language = await languageOfUser(chatId, deps.config.DEFAULT_LANGUAGE);
      const t: Translate = (key, vars) => deps.i18n.t(language, key, vars);
      // Former members too: their names stay on old contacts and deals.
      const members = await Member.find({ teamId: team._id }, { name: 1 }).lean();
      const ctx = { timezone: team.timezone, members: new Map(members.map((m) => [String(m._id), m.name])), labels: exportLabels(t) };

      const date = dayjs(deps.clock.now()).tz(team.timezone).format("YYYY-MM-DD");
      const file = await CsvFile.create(`${kind}-${date}.csv`, EXPORT_COLUMNS[kind].map((c) => t(`export-col-${c}`)));
      try {
        for await (const row of exportRows(kind, team._id, ctx)) await file.write(row);
        await file.close();
        const caption = t("export-caption", { what: t(`export-what-${kind}`), count: file.rows, team: team.name, date });
        await deliverDocument(deps.api, deps.logger, chatId, { path: file.path, name: `${kind}-${date}.csv` }, caption);
      } finally {
        await file.remove();
      }
    },
    { lockLifetime: 30 * 60 * 1000 },
  );
}

import { Composer, InlineKeyboard } from "grammy";
import { Types } from "mongoose";
import { EXPORT_JOB } from "../../../../jobs/export-csv.js";
import { IMPORT_CHECK_JOB } from "../../../../jobs/import-check.js";
import { IMPORT_CLIENTS_JOB } from "../../../../jobs/import-clients.js";
import { EXPORT_KINDS, type ExportKind } from "../../../clients/export/rows.js";
import type { ImportDoc } from "../../../clients/import/import.model.js";
import { cancelImport, confirmImport, createImport, findTeamImport } from "../../../clients/import/imports.js";
import { Member, type MemberDoc } from "../../../teams/member.model.js";
import { findTeamMember, type Membership } from "../../../teams/teams.js";
import { MAX_DOWNLOAD_BYTES } from "../../../telegram/files.js";
import { confirmKeyboard, previewKeyboard, previewText } from "../../../telegram/import-export/views.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { membershipOf, requireRole } from "../../access.js";
import { showInPlace } from "../../ui.js";

const CSV_EXTENSIONS = new Set(["csv", "tsv", "txt"]);
const CSV_TYPES = new Set([
  "text/csv",
  "text/plain",
  "text/comma-separated-values",
  "text/tab-separated-values",
  "text/x-csv",
  "application/csv",
]);

/** By name first: Windows labels .csv files "application/vnd.ms-excel", the same as real .xls files. */
export function looksLikeCsv(fileName: string | undefined, mimeType: string | undefined): boolean {
  const ext = /\.([^.]+)$/.exec(fileName ?? "")?.[1]?.toLowerCase();
  if (ext) return CSV_EXTENSIONS.has(ext);
  return CSV_TYPES.has((mimeType ?? "").toLowerCase());
}

/** Sorted as the preview job sorts them, so "Back" shows the same buttons in the same order. */
const activeManagers = async (teamId: Types.ObjectId) =>
  (await Member.find({ teamId, role: "manager", active: true }, { name: 1 }).lean()).sort((a, b) => a.name.localeCompare(b.name));

/**
 * Directors' CSV import and exports. The handlers only check, record and
 * enqueue: reading files and writing thousands of clients happen in jobs
 * (jobs/import-check.ts, jobs/import-clients.ts, jobs/export-csv.ts). Every
 * button names an import by id; it is looked up within the director's own
 * team, and its state decides whether the press still means anything.
 */
export function importExportFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directorOnly = requireRole("director");

  composer.command("import", directorOnly, async (ctx) => {
    await ctx.reply(ctx.t("import-help"));
  });

  composer.on("message:document", directorOnly, async (ctx) => {
    const { team, member } = membershipOf(ctx);
    const doc = ctx.message.document;
    const fileName = doc.file_name ?? "clients.csv";
    if (!looksLikeCsv(doc.file_name, doc.mime_type)) return void (await ctx.reply(ctx.t("import-not-csv", { file: fileName })));
    if (doc.file_size === 0) return void (await ctx.reply(ctx.t("import-file-empty", { file: fileName })));
    if ((doc.file_size ?? 0) > MAX_DOWNLOAD_BYTES) return void (await ctx.reply(ctx.t("import-too-big", { file: fileName })));
    const imp = await createImport({
      teamId: team._id,
      uploadedBy: member._id,
      chatId: ctx.chat.id,
      fileId: doc.file_id,
      fileName,
      fileSize: doc.file_size ?? 0,
      now: deps.clock.now(),
    });
    await deps.jobs.enqueue(IMPORT_CHECK_JOB, { importId: String(imp._id) });
    await ctx.reply(ctx.t("import-checking", { file: fileName }));
  });

  /** The import named by a button, if it is this team's and still waiting for the director. */
  async function readyImport(ctx: BotContext, team: Membership["team"], id: string): Promise<ImportDoc | null> {
    const imp = await findTeamImport(team._id, id);
    if (imp?.status === "ready") return imp;
    const key = !imp ? "import-not-found" : imp.status === "cancelled" ? "import-cancelled-already" : "import-already-started";
    await ctx.answerCallbackQuery({ text: ctx.t(key), show_alert: true });
    return null;
  }

  /** "pool" or an active manager of this team; anything else (forged, deactivated meanwhile) is refused. */
  async function ownerOf(team: Membership["team"], owner: string): Promise<{ id: Types.ObjectId | null; name: string | null } | null> {
    if (owner === "pool") return { id: null, name: null };
    const m: MemberDoc | null = await findTeamMember(team._id, owner);
    return m && m.active && m.role === "manager" ? { id: m._id, name: m.name } : null;
  }

  composer.callbackQuery(/^imp:o:(\w+):(\w+)$/, directorOnly, async (ctx) => {
    const { team } = membershipOf(ctx);
    const imp = await readyImport(ctx, team, ctx.match[1]!);
    if (!imp) return;
    const owner = await ownerOf(team, ctx.match[2]!);
    if (!owner) return void (await ctx.answerCallbackQuery({ text: ctx.t("import-owner-gone"), show_alert: true }));
    await ctx.answerCallbackQuery();
    const count = imp.preview?.valid ?? 0;
    const text = owner.name ? ctx.t("import-confirm-owner", { count, name: owner.name }) : ctx.t("import-confirm-pool", { count });
    await showInPlace(ctx, text, confirmKeyboard(ctx.t.bind(ctx), String(imp._id), ctx.match[2]!));
  });

  composer.callbackQuery(/^imp:y:(\w+):(\w+)$/, directorOnly, async (ctx) => {
    const { team, member } = membershipOf(ctx);
    const imp = await readyImport(ctx, team, ctx.match[1]!);
    if (!imp) return;
    const owner = await ownerOf(team, ctx.match[2]!);
    if (!owner) return void (await ctx.answerCallbackQuery({ text: ctx.t("import-owner-gone"), show_alert: true }));
    const confirmed = await confirmImport({
      teamId: team._id,
      importId: imp._id,
      ownerId: owner.id,
      confirmedBy: member._id,
      now: deps.clock.now(),
      messageId: ctx.callbackQuery.message?.message_id ?? null,
    });
    // A double tap: the first press already queued it.
    if (!confirmed) return void (await ctx.answerCallbackQuery({ text: ctx.t("import-already-started"), show_alert: true }));
    await deps.jobs.enqueue(IMPORT_CLIENTS_JOB, { importId: String(imp._id) });
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("import-started", { count: imp.preview?.valid ?? 0, file: imp.fileName }));
  });

  composer.callbackQuery(/^imp:b:(\w+)$/, directorOnly, async (ctx) => {
    const { team } = membershipOf(ctx);
    const imp = await readyImport(ctx, team, ctx.match[1]!);
    if (!imp) return;
    await ctx.answerCallbackQuery();
    const t = ctx.t.bind(ctx);
    await showInPlace(ctx, previewText(t, imp), previewKeyboard(t, imp, await activeManagers(team._id)));
  });

  composer.callbackQuery(/^imp:x:(\w+)$/, directorOnly, async (ctx) => {
    const { team } = membershipOf(ctx);
    const imp = await readyImport(ctx, team, ctx.match[1]!);
    if (!imp) return;
    if (!(await cancelImport(team._id, imp._id))) return void (await ctx.answerCallbackQuery({ text: ctx.t("import-already-started"), show_alert: true }));
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("import-cancelled", { file: imp.fileName }));
  });

  composer.command("export", directorOnly, async (ctx) => {
    const kb = new InlineKeyboard();
    for (const kind of EXPORT_KINDS) kb.text(ctx.t(`btn-export-${kind}`), `exp:${kind}`).row();
    await ctx.reply(ctx.t("export-choose"), { reply_markup: kb });
  });

  composer.callbackQuery(/^exp:(\w+)$/, directorOnly, async (ctx) => {
    const kind = ctx.match[1] as ExportKind;
    if (!EXPORT_KINDS.includes(kind)) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    const { team } = membershipOf(ctx);
    await deps.jobs.enqueue(EXPORT_JOB, { teamId: String(team._id), kind, chatId: ctx.chat!.id });
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("export-working", { what: ctx.t(`export-what-${kind}`) }));
  });

  return composer;
}

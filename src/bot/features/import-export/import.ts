import { Composer } from "grammy";
import { cancelImport, chooseImportOwner, confirmImport, reviewImport, startImport, type ImportRefusal } from "../../../clients/import/use-cases.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { importCancelButton, importConfirmButton, importOwnerButton, importPreviewButton } from "../../../telegram/import-export/callbacks.js";
import { cancelledText, confirmView, previewView, startedText } from "../../../telegram/import-export/views.js";
import { actorRefOf, refusalKey, requireRole } from "../../access.js";
import { onCallback, type CallbackContext } from "../../callbacks.js";
import { showInPlace } from "../../ui.js";

const UPLOAD_ERRORS = { "not-csv": "import-not-csv", empty: "import-file-empty", "too-big": "import-too-big" } as const;

/** Why an import's button means nothing any more. */
function refusalText(error: ImportRefusal | "owner-gone"): string {
  switch (error) {
    case "not-a-member":
    case "not-allowed":
      return refusalKey(error);
    case "not-found":
      return "import-not-found";
    case "cancelled":
      return "import-cancelled-already";
    case "started":
      return "import-already-started";
    case "owner-gone":
      return "import-owner-gone";
  }
}

/**
 * The CSV import (directors): /import explains the format; a document starts
 * an import (the check job reads it and sends the preview); the preview's
 * buttons page the owners, pick one, confirm or cancel. Every step is a use
 * case in src/clients/import/use-cases.ts.
 */
export function importHandlers(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directors = requireRole("director");
  const alert = (ctx: CallbackContext, error: ImportRefusal | "owner-gone") =>
    ctx.answerCallbackQuery({ text: ctx.t(refusalText(error)), show_alert: true });

  composer.command("import", directors, async (ctx) => {
    await ctx.reply(ctx.t("import-help"));
  });

  composer.on("message:document", directors, async (ctx) => {
    const doc = ctx.message.document;
    const result = await startImport({
      actor: actorRefOf(ctx),
      chatId: ctx.chat.id,
      file: { fileId: doc.file_id, fileName: doc.file_name, mimeType: doc.mime_type, size: doc.file_size },
      now: deps.clock.now(),
      jobs: deps.jobs,
    });
    if (!result.ok) {
      const key = result.error === "not-a-member" || result.error === "not-allowed" ? refusalKey(result.error) : UPLOAD_ERRORS[result.error];
      return void (await ctx.reply(ctx.t(key, { file: doc.file_name ?? "clients.csv" })));
    }
    await ctx.reply(ctx.t("import-checking", { file: result.value.fileName }));
  });

  onCallback(composer, importPreviewButton, [directors], async (ctx, { importId, page }) => {
    const result = await reviewImport({ actor: actorRefOf(ctx), importId });
    if (!result.ok) return void (await alert(ctx, result.error));
    await ctx.answerCallbackQuery();
    const view = previewView(ctx.t, result.value.imp, result.value.owners, page);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, importOwnerButton, [directors], async (ctx, { importId, owner }) => {
    const result = await chooseImportOwner({ actor: actorRefOf(ctx), importId, ownerId: owner });
    if (!result.ok) return void (await alert(ctx, result.error));
    await ctx.answerCallbackQuery();
    const view = confirmView(ctx.t, result.value.imp, result.value.owner);
    await showInPlace(ctx, view.text, view.keyboard);
  });

  onCallback(composer, importConfirmButton, [directors], async (ctx, { importId, owner }) => {
    const result = await confirmImport({
      actor: actorRefOf(ctx),
      importId,
      ownerId: owner,
      messageId: ctx.callbackQuery.message?.message_id ?? null,
      now: deps.clock.now(),
      jobs: deps.jobs,
    });
    // A double tap finds it queued already: "started".
    if (!result.ok) return void (await alert(ctx, result.error));
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, startedText(ctx.t, result.value.imp));
  });

  onCallback(composer, importCancelButton, [directors], async (ctx, { importId }) => {
    const result = await cancelImport({ actor: actorRefOf(ctx), importId });
    if (!result.ok) return void (await alert(ctx, result.error));
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, cancelledText(ctx.t, result.value));
  });

  return composer;
}

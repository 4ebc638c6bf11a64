import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { GrammyError, type Api } from "grammy";
import type { Config } from "../config.js";

export class DownloadError extends Error {
  constructor(readonly status: number) {
    super(`file download failed with HTTP ${status}`);
    this.name = "DownloadError";
  }
}

export interface DownloadedFile {
  path: string;
  /** Deletes the file and its folder; safe to call twice. */
  remove(): Promise<void>;
}

/**
 * A file a user sent, saved to a temporary file: getFile for its path, then
 * the file URL under the same API root (a local Bot API server or the test
 * double serve it there too). Saved first and read from disk afterwards, so
 * a slow import never holds the download open (servers drop idle readers)
 * and memory stays flat whatever the size. The URL holds the token: it is
 * never logged.
 */
export async function downloadTelegramFile(
  api: Api,
  config: Pick<Config, "BOT_TOKEN" | "TELEGRAM_API_ROOT">,
  fileId: string,
): Promise<DownloadedFile> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new DownloadError(404);
  const response = await fetch(`${config.TELEGRAM_API_ROOT}/file/bot${config.BOT_TOKEN}/${file.file_path}`);
  if (!response.ok || !response.body) throw new DownloadError(response.status);
  const dir = await mkdtemp(join(tmpdir(), "baton-upload-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, "upload");
  try {
    await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), createWriteStream(path));
  } catch (err) {
    await remove();
    throw err;
  }
  return { path, remove };
}

/** The file cannot be had (deleted, expired, unknown id): sending it again is the only way, retrying is not. */
export function isUnavailableFile(err: unknown): boolean {
  return err instanceof DownloadError || (err instanceof GrammyError && err.error_code === 400);
}

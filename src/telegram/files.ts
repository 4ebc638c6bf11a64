import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { InputFile, type Api } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { isBlockedError, markBlocked } from "../notify/deliver.js";

/** What the Bot API lets a bot download (getFile refuses bigger files). */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

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

/**
 * Sends a file from disk outside an update (jobs). Like deliver(): a 403
 * marks the user blocked and returns false instead of failing the job.
 */
export async function deliverDocument(
  api: Api,
  logger: Logger,
  chatId: number,
  file: { path: string; name: string },
  caption?: string,
): Promise<boolean> {
  try {
    await api.sendDocument(chatId, new InputFile(file.path, file.name), caption ? { caption } : {});
    return true;
  } catch (err) {
    if (!isBlockedError(err)) throw err;
    logger.info({ telegramId: chatId }, "recipient blocked the bot; marked blocked");
    await markBlocked(chatId, new Date());
    return false;
  }
}

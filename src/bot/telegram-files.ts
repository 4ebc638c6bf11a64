import { Readable } from "node:stream";
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

/**
 * A file a user sent, as a byte stream: getFile for its path, then the file
 * URL under the same API root (a local Bot API server or the test double
 * serve it there too). The URL holds the token: it is never logged.
 */
export async function downloadTelegramFile(
  api: Api,
  config: Pick<Config, "BOT_TOKEN" | "TELEGRAM_API_ROOT">,
  fileId: string,
): Promise<AsyncIterable<Uint8Array>> {
  const file = await api.getFile(fileId);
  if (!file.file_path) throw new DownloadError(404);
  const response = await fetch(`${config.TELEGRAM_API_ROOT}/file/bot${config.BOT_TOKEN}/${file.file_path}`);
  if (!response.ok || !response.body) throw new DownloadError(response.status);
  return Readable.fromWeb(response.body as import("node:stream/web").ReadableStream<Uint8Array>);
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

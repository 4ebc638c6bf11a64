import { createServer, type Server } from "node:http";
import { run } from "@grammyjs/runner";
import { webhookCallback, type Bot } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "../telegram/context.js";

/** How updates reach the bot; `stop` returns once no handler is running any more. */
export interface UpdateSource {
  stop(): Promise<void>;
  /** Webhook mode: the port actually bound (PORT=0 picks a free one). */
  port?: number;
}

export const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/** Long polling with @grammyjs/runner: concurrent across chats, sequential within a chat. */
export async function startPolling(bot: Bot<BotContext>, logger: Logger): Promise<UpdateSource> {
  await bot.init();
  // A webhook left over from a webhook deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook();
  const handle = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  logger.info({ username: bot.botInfo.username }, "long polling started");
  return { stop: () => handle.stop() };
}

/**
 * Webhook mode for several instances behind a load balancer. Telegram's
 * secret-token header is required (grammY answers 401 without it); /healthz
 * is for the balancer. Stopping closes the listener and waits for requests
 * in flight.
 */
export async function startWebhook(bot: Bot<BotContext>, config: Config, logger: Logger): Promise<UpdateSource> {
  await bot.init();
  const path = config.WEBHOOK_URL ? new URL(config.WEBHOOK_URL).pathname : "/telegram";
  const handleUpdate = webhookCallback(bot, "http", {
    secretToken: config.WEBHOOK_SECRET,
    onTimeout: "return", // Telegram retries a slow answer; dedupe drops the retry
    timeoutMilliseconds: 25_000,
  });
  const server: Server = createServer((req, res) => {
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      return;
    }
    if (req.method !== "POST" || req.url !== path) {
      res.writeHead(404).end();
      return;
    }
    handleUpdate(req, res).catch((err: unknown) => {
      logger.error({ err }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, config.WEBHOOK_HOST, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  if (config.WEBHOOK_SET_ON_START && config.WEBHOOK_URL) {
    await bot.api.setWebhook(config.WEBHOOK_URL, {
      secret_token: config.WEBHOOK_SECRET,
      allowed_updates: [...ALLOWED_UPDATES],
    });
  }
  logger.info({ port, path }, "webhook server listening");
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

import { startApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger } from "./logger.js";

/**
 * Process entry: validated config, then the app for this PROCESS_ROLE, then
 * a graceful stop on SIGINT/SIGTERM (a second signal forces the exit).
 */
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  // One clear line, no stack trace: the operator only needs the variable and what it wants.
  process.stderr.write(`Configuration error: ${err.message}\n`);
  process.exit(78); // EX_CONFIG
}

const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.BOT_TOKEN] });

try {
  const app = await startApp({ config, logger });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (++signals > 1) process.exit(130);
    logger.info({ signal }, "signal received");
    const force = setTimeout(() => {
      logger.error("graceful shutdown timed out");
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 5_000);
    force.unref();
    app.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
} catch (err) {
  logger.fatal({ err }, "start-up failed");
  process.exit(1);
}

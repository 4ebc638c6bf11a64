import { startApp } from "./app.js";
import { ConfigError, loadConfig, type Config } from "./config.js";
import { createLogger } from "./logger.js";

/**
 * Process entry: validated config, then the app for this PROCESS_ROLE, then
 * a graceful stop on SIGINT/SIGTERM (a second signal a moment later forces the exit).
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
  let firstSignalAt = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    // A second signal forces the exit (Ctrl-C twice), but not one arriving together with the
    // first: `npm start` and service managers often deliver the same SIGTERM twice.
    if (firstSignalAt) {
      if (Date.now() - firstSignalAt > 1000) process.exit(130);
      return;
    }
    firstSignalAt = Date.now();
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

import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";

export type { Logger };

/**
 * Structured JSON logs. The bot token must never reach a log line: grammY puts
 * it in request URLs, and errors may quote those, so every written line is
 * scrubbed of it as a last line of defence.
 */
export function createLogger(opts: { level: string; secrets?: string[]; destination?: DestinationStream }): Logger {
  const secrets = (opts.secrets ?? []).filter((s) => s.length > 0);
  const options: LoggerOptions = {
    level: opts.level,
    base: { pid: process.pid },
    hooks: {
      streamWrite: (line: string) => secrets.reduce((out, s) => out.split(s).join("[redacted]"), line),
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

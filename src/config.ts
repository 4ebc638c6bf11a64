import { z } from "zod";

/**
 * The environment is read once, here, and validated before anything starts.
 * Every later module receives the typed `Config` object; nothing else reads
 * `process.env` for settings.
 */

export const SUPPORTED_LANGUAGES = ["en", "ru", "hi"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

const boolFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const positiveInt = z.coerce.number().int().positive();

const variables = z.object({
    BOT_TOKEN: z
      .string({ error: "is required (the token from @BotFather, like 123456:ABC-DEF…)" })
      .regex(/^\d+:[\w-]{20,}$/, "must look like 123456:ABC-DEF… (the token from @BotFather)"),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://")
      .optional(),
    MONGODB_DB: z.string().regex(/^[\w-]{1,60}$/, "must be a database name of letters, digits, _ or -").default("baton"),
    DATA_DIR: z.string().min(1).default(".data"),
    TELEGRAM_API_ROOT: z.url({ error: "must be an http(s) URL such as https://api.telegram.org" }).default("https://api.telegram.org"),
    BOT_MODE: z.enum(["polling", "webhook"], { error: "must be polling or webhook" }).default("polling"),
    WEBHOOK_URL: z.url({ error: "must be the public https URL Telegram posts updates to" }).optional(),
    WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z, a-z, 0-9, _ and -")
      .optional(),
    WEBHOOK_HOST: z.string().default("0.0.0.0"),
    PORT: z.coerce.number({ error: "must be a port number" }).int().min(0).max(65535).default(8080),
    WEBHOOK_SET_ON_START: boolFromEnv.default(true),
    PROCESS_ROLE: z.enum(["all", "bot", "worker"], { error: "must be all, bot or worker" }).default("all"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
    DEFAULT_LANGUAGE: z.enum(SUPPORTED_LANGUAGES, { error: "must be en, ru or hi" }).default("en"),
    CONVERSATION_TIMEOUT_SECONDS: positiveInt.default(1800),
    INVITE_TTL_DAYS: positiveInt.max(365).default(7),
    JOBS_PROCESS_EVERY_MS: positiveInt.default(5000),
    TEAM_CLOCK_INTERVAL: z
      .string()
      .regex(/^\d+ (second|minute)s?$/, "must be like '1 minute' or '30 seconds'")
      .default("1 minute"),
    SHUTDOWN_TIMEOUT_MS: positiveInt.default(20000),
    OUTBOUND_MAX_WAIT_SECONDS: positiveInt.max(600).default(30),
});

/** Every variable Baton reads (documented one by one in .env.example). */
export const CONFIG_VARIABLES = Object.keys(variables.shape);

const schema = variables.superRefine((env, ctx) => {
    if (env.BOT_MODE !== "webhook") return;
    if (!env.WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_SECRET"], message: "is required when BOT_MODE=webhook" });
    }
    if (!env.WEBHOOK_URL && env.WEBHOOK_SET_ON_START) {
      ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "is required when BOT_MODE=webhook" });
    }
  });

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly expectation: string,
  ) {
    super(`${variable} ${expectation}`);
    this.name = "ConfigError";
  }
}

/** Parses an environment (by default `process.env`); throws `ConfigError` naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset: `.env` files often carry `NAME=` lines.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? "environment");
  throw new ConfigError(variable, issue.message);
}

import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, loadConfig } from "../../src/config.js";

const TOKEN = "123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345";

describe("configuration", () => {
  it("fills defaults for a laptop setup", () => {
    const config = loadConfig({ BOT_TOKEN: TOKEN });
    expect(config).toMatchObject({
      BOT_MODE: "polling",
      PROCESS_ROLE: "all",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      DEFAULT_LANGUAGE: "en",
    });
    expect(config.MONGODB_URI).toBeUndefined(); // embedded engine
  });

  it.each([
    [{}, "BOT_TOKEN", /required/],
    [{ BOT_TOKEN: "nope" }, "BOT_TOKEN", /123456:ABC/],
    [{ BOT_TOKEN: TOKEN, MONGODB_URI: "postgres://x" }, "MONGODB_URI", /mongodb:\/\//],
    [{ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "not a url" }, "TELEGRAM_API_ROOT", /URL/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "push" }, "BOT_MODE", /polling or webhook/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_URL: "https://x.example/tg" }, "WEBHOOK_SECRET", /required when BOT_MODE=webhook/],
    [{ BOT_TOKEN: TOKEN, BOT_MODE: "webhook", WEBHOOK_SECRET: "s".repeat(20) }, "WEBHOOK_URL", /required when BOT_MODE=webhook/],
    [{ BOT_TOKEN: TOKEN, PROCESS_ROLE: "both" }, "PROCESS_ROLE", /all, bot or worker/],
    [{ BOT_TOKEN: TOKEN, PORT: "http" }, "PORT", /port/],
    [{ BOT_TOKEN: TOKEN, DEFAULT_LANGUAGE: "de" }, "DEFAULT_LANGUAGE", /en, ru or hi/],
    [{ BOT_TOKEN: TOKEN, LOG_LEVEL: "loud" }, "LOG_LEVEL", /one of/],
  ])("refuses %j naming %s", (env, variable, expectation) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(expectation);
  });

  it("documents every variable in .env.example, and the example itself is valid", () => {
    const example = readFileSync(".env.example", "utf8");
    const documented = [...example.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...CONFIG_VARIABLES].sort());
    const env = Object.fromEntries([...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    expect(() => loadConfig({ ...env, BOT_TOKEN: TOKEN })).not.toThrow();
  });

  it("stops the real process with one clear line and no stack trace", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, BOT_TOKEN: TOKEN, BOT_MODE: "webhook" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(78);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual(["Configuration error: WEBHOOK_SECRET is required when BOT_MODE=webhook"]);
  });
});

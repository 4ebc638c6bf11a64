import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { inject } from "vitest";
import { startApp, type App } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import type { Clock } from "../../src/shared/clock.js";
import { FakeBotApi } from "../harness/fake-bot-api.js";
import { TelegramUser, type TelegramUserInit } from "../harness/telegram-user.js";

export const TEST_TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";

/** A fresh database name per test file (and per call), on the engine global-setup started. */
export function freshDbName(label: string): string {
  return `t_${label.replace(/\W/g, "").slice(0, 20)}_${randomBytes(4).toString("hex")}`;
}

/** Log lines the app wrote, parsed, so tests can assert on what was logged. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    const text = chunk.toString();
    this.raw.push(text);
    for (const line of text.split("\n").filter(Boolean)) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}

export interface TestAppOptions {
  dbName: string;
  env?: Record<string, string>;
  clock?: Clock;
}

/**
 * The real app (bot + worker, PROCESS_ROLE=all) against the fake Bot API and
 * the test engine. `restart()` stops it gracefully and starts a new one on the
 * same database, like a redeploy.
 */
export class TestBot {
  app!: App;
  readonly logs = new LogCapture();
  private constructor(
    readonly fake: FakeBotApi,
    private readonly opts: TestAppOptions,
  ) {}

  static async start(opts: TestAppOptions & { fake?: FakeBotApi }): Promise<TestBot> {
    const fake = opts.fake ?? (await FakeBotApi.start());
    const bot = new TestBot(fake, opts);
    await bot.boot();
    return bot;
  }

  private async boot(): Promise<void> {
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      MONGODB_URI: inject("mongoUri"),
      MONGODB_DB: this.opts.dbName,
      TELEGRAM_API_ROOT: this.fake.apiRoot,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "info",
      JOBS_PROCESS_EVERY_MS: "100",
      // Tests tick the team clock themselves (agenda.now) after setting the ManualClock.
      TEAM_CLOCK_INTERVAL: "60 minutes",
      ...this.opts.env,
    });
    const logger = createLogger({ level: config.LOG_LEVEL, secrets: [config.BOT_TOKEN], destination: this.logs });
    this.app = await startApp({ config, logger, clock: this.opts.clock });
  }

  user(init: Partial<TelegramUserInit> & { id: number }): TelegramUser {
    return new TelegramUser(this.fake, { firstName: `User${init.id}`, languageCode: "en", ...init });
  }

  async restart(): Promise<void> {
    await this.app.stop();
    await this.boot();
  }

  /** Stops the app; the fake server too unless it is shared. */
  async stop(opts: { keepFake?: boolean } = {}): Promise<void> {
    await this.app.stop();
    if (!opts.keepFake) await this.fake.stop();
  }

  errorsLogged(): Record<string, unknown>[] {
    return this.logs.lines.filter((l) => (l.level as number) >= 50);
  }
}

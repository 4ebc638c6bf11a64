import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import { Client } from "../../src/clients/client.model.js";
import { FakeBotApi } from "../harness/fake-bot-api.js";
import { freshDbName, TEST_TOKEN, TestBot } from "../support/app.js";
import { seedClients, seedMember, seedTeam } from "../support/seed.js";

const SECRET = "s3cret-token-for-tests_0123456789";

describe("webhook mode", () => {
  let bot: TestBot;
  afterAll(() => bot?.stop());

  it("registers the webhook with a secret and serves only requests that carry it", async () => {
    bot = await TestBot.start({
      dbName: freshDbName("webhook"),
      env: {
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.com/tg/hook",
        WEBHOOK_SECRET: SECRET,
        WEBHOOK_HOST: "127.0.0.1",
        PORT: "0",
      },
    });
    const setWebhook = bot.fake.callsTo("setWebhook")[0]!;
    expect(setWebhook.payload).toMatchObject({ url: "https://bot.example.com/tg/hook", secret_token: SECRET });

    const local = `http://127.0.0.1:${bot.app.updates!.port}`;
    const wendy = bot.user({ id: 7001, firstName: "Wendy" });
    const update = {
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: wendy.chat,
        from: wendy.user,
        text: "/help",
        entities: [{ type: "bot_command" as const, offset: 0, length: 5 }],
      },
    };
    expect(await bot.fake.deliverToWebhook(`${local}/tg/hook`, { update_id: 1, ...update })).toBe(401);
    expect(await bot.fake.deliverToWebhook(`${local}/tg/hook`, { update_id: 2, ...update }, "wrong-secret-0000000")).toBe(401);
    expect(bot.fake.callsTo("sendMessage")).toHaveLength(0);

    expect(await bot.fake.deliverToWebhook(`${local}/tg/hook`, { update_id: 3, ...update }, SECRET)).toBe(200);
    await wendy.expectReply(/I help sales teams/);
    // Telegram retrying the same update (e.g. it missed our 200) is not handled twice.
    expect(await bot.fake.deliverToWebhook(`${local}/tg/hook`, { update_id: 3, ...update }, SECRET)).toBe(200);
    expect(bot.fake.callsTo("sendMessage")).toHaveLength(1);

    expect((await fetch(`${local}/healthz`)).status).toBe(200);
    expect((await fetch(`${local}/elsewhere`, { method: "POST" })).status).toBe(404);
  });
});

/** Starts `src/main.ts` as a real process; resolves once a log line matches. */
function startProcess(env: Record<string, string>): { child: ChildProcess; output: string[]; waitFor(re: RegExp, ms?: number): Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const listeners: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output.push(chunk.toString());
    for (const l of listeners) l();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  return {
    child,
    output,
    waitFor: (re, ms = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => re.test(output.join("")) && resolve();
        const timer = setTimeout(() => reject(new Error(`no ${re} in process output:\n${output.join("")}`)), ms);
        listeners.push(() => {
          if (re.test(output.join(""))) {
            clearTimeout(timer);
            resolve();
          }
        });
        check();
      }),
  };
}

describe("separate bot and worker processes", () => {
  it("a bot-only instance enqueues, a worker process runs the job, and SIGTERM stops the worker cleanly", async () => {
    const fake = await FakeBotApi.start();
    const dbName = freshDbName("roles");
    const bot = await TestBot.start({ dbName, fake, env: { PROCESS_ROLE: "bot" } });
    const worker = startProcess({
      BOT_TOKEN: TEST_TOKEN,
      MONGODB_URI: inject("mongoUri"),
      MONGODB_DB: dbName,
      TELEGRAM_API_ROOT: fake.apiRoot,
      PROCESS_ROLE: "worker",
      JOBS_PROCESS_EVERY_MS: "100",
    });
    try {
      await worker.waitFor(/job worker started/);
      expect(worker.output.join("")).toMatch(/MongoDB engine: external MongoDB/);

      const { team } = await seedTeam({ directorId: 8001, name: "Split" });
      const m = await seedMember(team, { telegramId: 8002, name: "Max" });
      await seedClients(team._id, m._id, ["One", "Two"]);
      const director = bot.user({ id: 8001, firstName: "Dora" });
      director.send("/team");
      await director.expectReply(/Split: 2 active members/);
      director.tap(/Max/);
      await director.expectReply(/Status: active/);
      director.tap("Deactivate");
      await director.expectReply(/Deactivate Max\?/);
      director.tap("Yes, deactivate");
      // Nobody else on Max's level (or any level): both clients go to the free pool.
      await director.expectReply(/Handed over: 0\. To the free pool: 2\./, { timeoutMs: 10_000 });
      expect(await Client.countDocuments({ teamId: team._id, ownerId: null })).toBe(2);

      const exited = new Promise<number | null>((resolve) => worker.child.once("exit", (code) => resolve(code)));
      worker.child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(worker.output.join("")).toMatch(/"msg":"stopped"/);
      expect(worker.output.join("")).not.toContain(TEST_TOKEN);
    } finally {
      worker.child.kill("SIGKILL");
      await bot.stop();
    }
  });
});

// Tests of the fake Bot API itself, driven by a REAL grammY Bot over HTTP, so
// scenario tests built on the harness can trust what it says Telegram did.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { run } from '@grammyjs/runner';
import { Bot, GrammyError, InlineKeyboard, InputFile, Keyboard, webhookCallback } from 'grammy';
import type { Update } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeBotApi } from './fake-bot-api.js';
import { TelegramUser } from './telegram-user.js';

const TOKEN = '123:abc';

let fake: FakeBotApi;
let alice: TelegramUser;
const bots: Bot[] = [];
const servers: http.Server[] = [];

function newBot(): Bot {
  const bot = new Bot(TOKEN, { client: { apiRoot: fake.apiRoot } });
  bots.push(bot);
  return bot;
}

/** Starts long polling and resolves once grammY has called getMe + deleteWebhook and begins polling. */
function startPolling(bot: Bot, errors: unknown[] = []): Promise<void> {
  bot.catch((err) => {
    errors.push(err.error);
  });
  return new Promise((resolve, reject) => {
    bot.start({ onStart: () => resolve() }).catch(reject);
  });
}

beforeEach(async () => {
  fake = await FakeBotApi.start();
  alice = new TelegramUser(fake, { id: 1001, firstName: 'Alice', username: 'alice', languageCode: 'en', phone: '+15550001001' });
});

afterEach(async () => {
  await Promise.all(bots.splice(0).map((b) => (b.isRunning() ? b.stop() : undefined)));
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  await fake.stop();
});

describe('FakeBotApi with a polling grammY bot', () => {
  it('answers a command and records the startup calls grammY makes', async () => {
    const bot = newBot();
    bot.command('start', (ctx) =>
      ctx.reply(`Hello, ${ctx.from?.first_name}!`, { reply_markup: new InlineKeyboard().text('Ping', 'ping') }),
    );
    await startPolling(bot);
    expect(bot.botInfo.username).toBe('baton_test_bot');
    expect(fake.callsTo('getMe')).toHaveLength(1);
    expect(fake.callsTo('deleteWebhook')).toHaveLength(1);

    alice.send('/start');
    const payload = await alice.expectReply(/^Hello, Alice!$/);
    expect(payload.chat_id).toBe(1001);
    const sent = alice.lastMessage();
    expect(sent).toMatchObject({ message_id: 2, chat: { id: 1001, type: 'private', first_name: 'Alice' }, from: { is_bot: true } });
    expect(sent?.reply_markup?.inline_keyboard[0]?.[0]).toEqual({ text: 'Ping', callback_data: 'ping' });
  });

  it('delivers a button tap to a callbackQuery handler and records answerCallbackQuery', async () => {
    const bot = newBot();
    bot.command('start', (ctx) => ctx.reply('Menu', { reply_markup: new InlineKeyboard().text('Ping', 'ping') }));
    bot.callbackQuery('ping', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'pong' });
      await ctx.editMessageText('Ponged');
    });
    await startPolling(bot);

    alice.send('/start');
    await alice.expectReply('Menu');
    alice.tap('Ping');
    await alice.expectReply('Ponged');

    const answer = fake.callsTo('answerCallbackQuery')[0];
    expect(answer?.payload.text).toBe('pong');
    expect(answer?.response.ok).toBe(true);
    // Editing without reply_markup removes the keyboard, as on Telegram.
    expect(alice.lastMessage()).toMatchObject({ text: 'Ponged' });
    expect(alice.lastMessage()?.reply_markup).toBeUndefined();
    expect(() => alice.tap('Ping')).toThrow(/no inline button matching Ping/);
  });

  it('lists the available buttons when a tap finds none', async () => {
    const bot = newBot();
    await bot.api.sendMessage(alice.id, 'Pick', { reply_markup: new InlineKeyboard().text('Yes', 'y').text('No', 'n') });
    expect(() => alice.tap(/maybe/i)).toThrow(/message 1: "Yes", "No"/);
  });

  it('answering the same callback query twice fails like Telegram', async () => {
    const bot = newBot();
    await bot.api.sendMessage(alice.id, 'Pick', { reply_markup: new InlineKeyboard().text('Yes', 'y') });
    const id = alice.tap('Yes').callback_query!.id;
    await bot.api.answerCallbackQuery(id);
    await expect(bot.api.answerCallbackQuery(id)).rejects.toMatchObject({ error_code: 400, description: expect.stringMatching(/query is too old/) });
  });

  it('presses reply-keyboard buttons, including request_contact', async () => {
    const bot = newBot();
    const contacts: unknown[] = [];
    bot.command('start', (ctx) => ctx.reply('Share?', { reply_markup: new Keyboard().requestContact('Send phone').text('Skip') }));
    bot.on('message:contact', (ctx) => {
      contacts.push(ctx.message.contact);
      return ctx.reply('Thanks');
    });
    await startPolling(bot);

    alice.send('/start');
    await alice.expectReply('Share?');
    expect(() => alice.tapReplyKeyboard('Nope')).toThrow(/Offered: "Send phone", "Skip"/);
    alice.tapReplyKeyboard('Send phone');
    await alice.expectReply('Thanks');
    expect(contacts).toEqual([{ phone_number: '+15550001001', first_name: 'Alice', user_id: 1001 }]);
  });

  it('delivers an update pushed twice with the same update_id twice', async () => {
    const bot = newBot();
    const seen: number[] = [];
    bot.on('message:text', (ctx) => {
      seen.push(ctx.update.update_id);
    });
    await startPolling(bot);
    alice.send('hi');
    await expect.poll(() => seen.length, { timeout: 3000 }).toBe(1);
    // Telegram redelivering an update the bot already handled (e.g. after a crash before confirming).
    fake.pushRawUpdate(fake.deliveredUpdates.at(-1)!);
    await expect.poll(() => seen, { timeout: 3000 }).toEqual([seen[0], seen[0]]);
  });

  it('works with @grammyjs/runner and stops cleanly', async () => {
    const bot = newBot();
    bot.command('ping', (ctx) => ctx.reply('pong'));
    const runner = run(bot);
    alice.send('/ping');
    await alice.expectReply('pong');
    await runner.stop();
    expect(runner.isRunning()).toBe(false);
  });

  it('lets two polling bot instances share updates without handling one twice', async () => {
    const handled: string[] = [];
    for (const name of ['a', 'b']) {
      const bot = newBot();
      bot.on('message:text', (ctx) => {
        handled.push(`${name}:${ctx.message.text}`);
      });
      await startPolling(bot);
    }
    for (let i = 0; i < 6; i++) {
      alice.send(`m${i}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await expect.poll(() => handled.length, { timeout: 3000 }).toBe(6);
    await new Promise((r) => setTimeout(r, 200));
    expect(handled.map((h) => h.split(':')[1]).sort()).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
  });
});

describe('FakeBotApi answers like Telegram', () => {
  it('rejects an edit that changes nothing and an edit of an unknown message', async () => {
    const api = newBot().api;
    const markup = new InlineKeyboard().text('A', 'a');
    const msg = await api.sendMessage(alice.id, 'Same', { reply_markup: markup });
    await expect(api.editMessageText(alice.id, msg.message_id, 'Same', { reply_markup: markup })).rejects.toMatchObject({
      error_code: 400,
      description: FakeBotApi.errors.notModified.description,
    });
    // Same text but the keyboard changes: that is a modification.
    await expect(api.editMessageText(alice.id, msg.message_id, 'Same')).resolves.toMatchObject({ text: 'Same' });
    await expect(api.editMessageText(alice.id, 999, 'x')).rejects.toMatchObject({ description: 'Bad Request: message to edit not found' });
    await api.deleteMessage(alice.id, msg.message_id);
    await expect(api.deleteMessage(alice.id, msg.message_id)).rejects.toMatchObject({ description: 'Bad Request: message to delete not found' });
  });

  it('rejects text Telegram cannot parse', async () => {
    const api = newBot().api;
    await expect(api.sendMessage(alice.id, 'Total: 5.', { parse_mode: 'MarkdownV2' })).rejects.toMatchObject({
      description: "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    });
    await expect(api.sendMessage(alice.id, 'Client <Bob>', { parse_mode: 'HTML' })).rejects.toMatchObject({
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "bob" at byte offset 7',
    });
    await expect(api.sendMessage(alice.id, 'x'.repeat(4097))).rejects.toMatchObject({ description: 'Bad Request: message is too long' });
    await expect(api.sendMessage(alice.id, 'x', { reply_markup: new InlineKeyboard().text('x', 'd'.repeat(65)) })).rejects.toMatchObject({
      description: 'Bad Request: BUTTON_DATA_INVALID',
    });
    const ok = await api.sendMessage(alice.id, '<b>Total:</b> 5 &lt; 6', { parse_mode: 'HTML' });
    expect(ok.text).toBe('Total: 5 < 6');
  });

  it('surfaces an injected 429 as a GrammyError with retry_after, then answers normally', async () => {
    const api = newBot().api;
    fake.failNext('sendMessage', FakeBotApi.errors.tooManyRequests(1));
    const error = await api.sendMessage(alice.id, 'hi').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
    expect(fake.callsTo('sendMessage').map((c) => c.response.ok)).toEqual([false]);

    // The failure was used up: the next call goes through (retrying is the
    // bot's own job, tested in test/e2e/api-profiles.test.ts).
    await expect(api.sendMessage(alice.id, 'hi')).resolves.toMatchObject({ text: 'hi' });
  });

  it('limits injected failures to the given chat and number of times', async () => {
    const api = newBot().api;
    const bob = new TelegramUser(fake, { id: 1002, firstName: 'Bob' });
    fake.failNext('sendMessage', FakeBotApi.errors.serverError, { chatId: bob.id, times: 2 });
    await expect(api.sendMessage(alice.id, 'a')).resolves.toBeTruthy();
    await expect(api.sendMessage(bob.id, 'b')).rejects.toMatchObject({ error_code: 500 });
    await expect(api.sendMessage(bob.id, 'b')).rejects.toMatchObject({ error_code: 500 });
    await expect(api.sendMessage(bob.id, 'b')).resolves.toBeTruthy();
  });

  it('parses an uploaded InputFile and serves files through getFile and the file URL', async () => {
    const api = newBot().api;
    const csv = 'name,phone\nBob,+1555\n';
    const sent = await api.sendDocument(alice.id, new InputFile(Buffer.from(csv), 'clients.csv'), { caption: 'Export' });
    expect(sent.document).toMatchObject({ file_name: 'clients.csv', mime_type: 'text/csv', file_size: csv.length });
    await alice.expectReply('Export');

    const call = fake.callsTo('sendDocument')[0]!;
    expect(call.payload).toMatchObject({ chat_id: 1001, caption: 'Export' });
    expect(call.files?.document?.filename).toBe('clients.csv');
    expect(call.files?.document?.content.toString('utf8')).toBe(csv);

    const file = await api.getFile(sent.document!.file_id);
    const download = await fetch(`${fake.apiRoot}/file/bot${TOKEN}/${file.file_path}`);
    expect(await download.text()).toBe(csv);
  });

  it('lets the bot download a document the user sent', async () => {
    const bot = newBot();
    bot.on('message:document', async (ctx) => {
      const file = await ctx.getFile();
      const body = await (await fetch(`${fake.apiRoot}/file/bot${TOKEN}/${file.file_path}`)).text();
      await ctx.reply(`${ctx.message.document.file_name}: ${body.trim().split('\n').length} rows`);
    });
    await startPolling(bot);
    alice.sendDocument({ fileName: 'import.csv', content: 'a\nb\nc\n', mimeType: 'text/csv' });
    await alice.expectReply('import.csv: 3 rows');
  });

  it('answers 403 for a blocked chat and 400 for a chat that never started the bot', async () => {
    const api = newBot().api;
    fake.blockChat(alice.id);
    await expect(api.sendMessage(alice.id, 'hi')).rejects.toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });
    await expect(api.sendChatAction(alice.id, 'typing')).rejects.toMatchObject({ error_code: 403 });
    await expect(api.sendMessage(424242, 'hi')).rejects.toMatchObject({ error_code: 400, description: 'Bad Request: chat not found' });
    fake.unblockChat(alice.id);
    await expect(api.sendMessage(alice.id, 'hi')).resolves.toMatchObject({ chat: { id: alice.id } });
  });

  it('stores commands per scope and language', async () => {
    const api = newBot().api;
    await api.setMyCommands([{ command: 'start', description: 'Start' }]);
    await api.setMyCommands([{ command: 'start', description: 'Старт' }], { language_code: 'ru' });
    await api.setMyCommands([{ command: 'admin', description: 'Admin' }], { scope: { type: 'chat', chat_id: alice.id } });
    expect(await api.getMyCommands()).toEqual([{ command: 'start', description: 'Start' }]);
    expect(await api.getMyCommands({ language_code: 'ru' })).toEqual([{ command: 'start', description: 'Старт' }]);
    expect(fake.commands({ type: 'chat', chat_id: alice.id })).toEqual([{ command: 'admin', description: 'Admin' }]);
    await expect(api.setMyCommands([{ command: 'Start', description: 'x' }])).rejects.toMatchObject({ description: 'Bad Request: BOT_COMMAND_INVALID' });
    await api.deleteMyCommands({ language_code: 'ru' });
    expect(await api.getMyCommands({ language_code: 'ru' })).toEqual([]);
  });

  it('records unknown methods and answers true', async () => {
    const api = newBot().api;
    await expect(api.setMyDescription('Sales bot')).resolves.toBe(true);
    expect(fake.callsTo('setMyDescription')[0]?.payload).toEqual({ description: 'Sales bot' });
  });

  it('keeps call indices increasing across clearCalls so users still see replies', async () => {
    const api = newBot().api;
    await api.sendMessage(alice.id, 'before');
    alice.send('hi');
    fake.clearCalls();
    await api.sendMessage(alice.id, 'after');
    expect(fake.calls.map((c) => c.index)).toEqual([1]);
    await alice.expectReply('after', { timeoutMs: 500 });
  });

  it('waitForCall times out with the recent calls in the message', async () => {
    await newBot().api.sendMessage(alice.id, 'only this');
    await expect(fake.waitForCall((c) => c.method === 'sendPhoto', 100)).rejects.toThrow(/#0 sendMessage chat=1001 "only this" -> ok/);
  });
});

describe('getUpdates long polling', () => {
  it('holds the request until an update arrives, honours offset and is released by stop()', async () => {
    const api = newBot().api;
    const started = Date.now();
    const held = api.getUpdates({ timeout: 10 });
    setTimeout(() => alice.send('late'), 150);
    const [update] = await held;
    expect(update?.message?.text).toBe('late');
    expect(Date.now() - started).toBeLessThan(2000);

    // Unconfirmed and leased to the first poller: another poller does not get it...
    expect(await api.getUpdates({ timeout: 0 })).toEqual([]);
    // ...until the lease is dropped (a crashed poller), then it is redelivered.
    fake.expireLeases();
    expect(await api.getUpdates({ timeout: 0 })).toEqual([update]);
    // Confirming by offset drops it for good.
    expect(await api.getUpdates({ offset: update!.update_id + 1, timeout: 0 })).toEqual([]);
    expect(fake.pendingUpdates).toEqual([]);

    const releasedAt = Date.now();
    const waiting = api.getUpdates({ timeout: 30 });
    setTimeout(() => void fake.stop(), 100);
    expect(await waiting).toEqual([]);
    expect(Date.now() - releasedAt).toBeLessThan(2000);
  });

  it('answers immediately with queued updates and respects limit', async () => {
    const api = newBot().api;
    alice.send('one');
    alice.send('two');
    alice.send('three');
    const started = Date.now();
    const batch = await api.getUpdates({ limit: 2, timeout: 20 });
    expect(batch.map((u) => u.message?.text)).toEqual(['one', 'two']);
    expect(Date.now() - started).toBeLessThan(1000);
    const rest = await api.getUpdates({ offset: batch[1]!.update_id + 1, timeout: 20 });
    expect(rest.map((u) => u.message?.text)).toEqual(['three']);
  });

  it('pushRawUpdate redelivers an update even after it was confirmed', async () => {
    const api = newBot().api;
    alice.send('once');
    const [update] = await api.getUpdates();
    const next = update!.update_id + 1;
    expect(await api.getUpdates({ offset: next })).toEqual([]);
    fake.pushRawUpdate(update!);
    expect(await api.getUpdates({ offset: next })).toEqual([update]);
    expect(await api.getUpdates({ offset: next })).toEqual([]);
    expect(fake.pushUpdate({ message: update!.message! }).update_id).toBe(next);
  });

  it('refuses getUpdates while a webhook is set', async () => {
    const api = newBot().api;
    await api.setWebhook('https://bot.example.com/tg', { secret_token: 's3cret' });
    expect((await api.getWebhookInfo()).url).toBe('https://bot.example.com/tg');
    await expect(api.getUpdates()).rejects.toMatchObject({ error_code: 409 });
    await expect(api.setWebhook('http://insecure.example.com')).rejects.toMatchObject({ error_code: 400 });
  });
});

describe('webhook delivery', () => {
  async function webhookServer(bot: Bot, secretToken: string): Promise<string> {
    const server = http.createServer(webhookCallback(bot, 'http', { secretToken }));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/tg`;
  }

  it('passes updates with the right secret header and rejects the others', async () => {
    const bot = newBot();
    const handled: number[] = [];
    bot.on('message:text', async (ctx) => {
      handled.push(ctx.update.update_id);
      await ctx.reply(`echo: ${ctx.message.text}`);
    });
    const url = await webhookServer(bot, 's3cret');
    const update = (text: string): Omit<Update, 'update_id'> => ({
      message: { message_id: 50, date: 0, chat: alice.chat, from: alice.user, text },
    });

    expect(await fake.deliverToWebhook(url, update('no header'))).toBe(401);
    expect(await fake.deliverToWebhook(url, update('wrong'), 'nope')).toBe(401);
    expect(handled).toEqual([]);

    expect(await fake.deliverToWebhook(url, update('hello'), 's3cret')).toBe(200);
    expect(handled).toHaveLength(1);
    expect(fake.callsTo('sendMessage')[0]?.payload).toMatchObject({ chat_id: alice.id, text: 'echo: hello' });
  });
});

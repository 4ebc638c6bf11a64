// A fake Telegram Bot API server for end-to-end tests: the real grammY bot
// talks to it over HTTP (`new Bot(token, { client: { apiRoot: fake.apiRoot } })`).
// It answers like Telegram does (`{ ok, result }` / `{ ok: false, error_code,
// description, parameters }` with the same HTTP status), records every call,
// long-polls getUpdates, and can be told to fail the way Telegram fails.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotCommand, Chat, Message, Update, User, UserFromGetMe } from 'grammy/types';
import { decodeBody, readBody, type UploadedFile } from './request-body.js';
import { ApiError, FakeStore, type Handler, type Payload, type StoredFile, type TelegramError } from './fake-store.js';
import { realClearTimeout, realNow, realSetTimeout } from './real-timers.js';
import { UpdateQueue } from './update-queue.js';

export type { TelegramError, StoredFile, UploadedFile };

export type ApiResponse = { ok: true; result: unknown } | ({ ok: false } & TelegramError);

export interface RecordedCall {
  /** Sequence number, never reused (not even after clearCalls); pass `index + 1` as `since` to wait for a later call. */
  index: number;
  method: string;
  token: string;
  payload: Payload;
  /** Uploaded files by API field, e.g. `files.document.content`. */
  files?: Record<string, UploadedFile>;
  /** Wall-clock ms when the call was answered. */
  at: number;
  response: ApiResponse;
  /** Set when the fake gave no answer on purpose (hangNext/dropNext); `response` then says so with error_code 0. */
  transport?: 'hung' | 'dropped';
}

export interface FakeBotApiOptions {
  botUsername?: string;
  botFirstName?: string;
  /**
   * How long an update handed to one getUpdates request is withheld from other
   * pollers until confirmed. Lets two bot instances poll without both
   * handling the same update. Telegram itself answers the older poller with
   * 409; the fake is kinder so multi-instance tests stay runnable.
   */
  leaseMs?: number;
}

interface Failure {
  method: string;
  error: TelegramError;
  remaining: number;
  chatId?: number | string;
}

interface TransportFailure {
  method: string;
  mode: 'hung' | 'dropped';
  remaining: number;
  chatId?: number | string;
}

// Methods that deliver something into a chat; a chat that blocked the bot refuses them all.
const isSendToChat = (method: string) => /^(send|copy|forward|edit)/i.test(method);

export class FakeBotApi {
  static readonly errors = {
    notModified: {
      error_code: 400,
      description:
        'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    },
    messageNotFound: { error_code: 400, description: 'Bad Request: message to edit not found' },
    chatNotFound: { error_code: 400, description: 'Bad Request: chat not found' },
    blocked: { error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    userDeactivated: { error_code: 403, description: 'Forbidden: user is deactivated' },
    serverError: { error_code: 500, description: 'Internal Server Error' },
    tooManyRequests: (retryAfter: number): TelegramError => ({
      error_code: 429,
      description: `Too Many Requests: retry after ${retryAfter}`,
      parameters: { retry_after: retryAfter },
    }),
  } satisfies Record<string, TelegramError | ((n: number) => TelegramError)>;

  readonly calls: RecordedCall[] = [];
  readonly store: FakeStore;
  /** Current webhook as set by setWebhook, if any. */
  webhook: { url: string; secret_token?: string; allowed_updates?: string[] } | undefined;

  private readonly updates: UpdateQueue;
  /** Webhook deliveries, merged into deliveredUpdates. */
  private readonly webhookDelivered: Update[] = [];
  private readonly listeners = new Set<(call: RecordedCall) => void>();
  private failures: Failure[] = [];
  private transportFailures: TransportFailure[] = [];
  private readonly blocked = new Set<string>();
  /** Responses not yet written, so stop() can flush the released long polls before closing sockets. */
  private readonly inflight = new Set<Promise<void>>();
  private readonly handlers: Record<string, Handler>;
  private stopped = false;
  /** Requests held by hangNext, released when the fake stops. */
  private readonly hung = new Set<() => void>();
  private callSeq = 0;

  private constructor(
    private readonly server: http.Server,
    readonly me: UserFromGetMe,
    leaseMs: number,
  ) {
    this.store = new FakeStore(me);
    this.updates = new UpdateQueue(leaseMs);
    const own: Record<string, Handler> = {
      getMe: () => this.me,
      deleteWebhook: (p) => {
        if (p.drop_pending_updates) this.updates.clear();
        this.webhook = undefined;
        return true;
      },
      setWebhook: (p) => this.setWebhook(p),
      getWebhookInfo: () => ({
        url: this.webhook?.url ?? '',
        has_custom_certificate: false,
        pending_update_count: this.updates.pending.length,
        ...(this.webhook ? { max_connections: 40, allowed_updates: this.webhook.allowed_updates } : {}),
      }),
    };
    // Dispatch is case-insensitive, as on Telegram.
    this.handlers = Object.fromEntries(
      Object.entries({ ...this.store.handlers(), ...own }).map(([name, fn]) => [name.toLowerCase(), fn]),
    );
  }

  static async start(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const me: UserFromGetMe = {
      id: 7_000_000_001,
      is_bot: true,
      first_name: opts.botFirstName ?? 'Baton',
      username: opts.botUsername ?? 'baton_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    };
    const fake = new FakeBotApi(server, me, opts.leaseMs ?? 30_000);
    server.on('request', (req, res) => {
      const done = new Promise<void>((resolve) => {
        res.once('finish', resolve);
        res.once('close', resolve);
      });
      fake.inflight.add(done);
      void done.then(() => fake.inflight.delete(done));
      fake.handle(req, res).catch((err: unknown) => {
        // A bug in the fake must surface as a loud 500, never as a hang.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: `Fake Bot API crashed: ${String(err)}` }));
      });
    });
    return fake;
  }

  get apiRoot(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Releases held getUpdates requests (with no updates) and closes the server. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.updates.close();
    for (const release of this.hung) release();
    this.hung.clear();
    // Let those empty answers reach the clients; grammY would otherwise see a network error.
    await Promise.race([Promise.all(this.inflight), new Promise((r) => realSetTimeout(r, 1000))]);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      // grammY keeps sockets alive; without this close() waits for them forever.
      this.server.closeAllConnections();
    });
  }

  // --- recorded calls ----------------------------------------------------

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method.toLowerCase() === method.toLowerCase());
  }

  clearCalls(): void {
    this.calls.length = 0;
  }

  /** The index the next recorded call will get: take it before an action, pass it as `since`. */
  get nextCallIndex(): number {
    return this.callSeq;
  }

  /** Recorded calls with index >= since. */
  callsSince(since: number): RecordedCall[] {
    return this.calls.filter((c) => c.index >= since);
  }

  /** Subscribes to calls as they are recorded; returns the unsubscribe function. */
  onCall(listener: (call: RecordedCall) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** First call (recorded at `since` or later, or still to come) matching `predicate`. */
  waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000, since = 0): Promise<RecordedCall> {
    const already = this.callsSince(since).find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = realSetTimeout(() => {
        unsubscribe();
        reject(new Error(`waitForCall: no matching call within ${timeoutMs}ms.\n${this.describeCalls(since)}`));
      }, timeoutMs);
      const unsubscribe = this.onCall((call) => {
        if (!predicate(call)) return;
        realClearTimeout(timer);
        unsubscribe();
        resolve(call);
      });
    });
  }

  /** The last calls (from `since`), one line each, for failure messages. */
  describeCalls(since = 0, max = 15): string {
    const shown = this.callsSince(since).slice(-max);
    if (shown.length === 0) return 'No Bot API calls were recorded.';
    return `Last Bot API calls:\n${shown.map(describeCall).join('\n')}`;
  }

  // --- failure injection -------------------------------------------------

  /** The next `times` (default 1) calls of `method` (to `chatId`, if given) fail with `error`. */
  failNext(method: string, error: TelegramError, opts: { times?: number; chatId?: number | string } = {}): void {
    this.failures.push({ method: method.toLowerCase(), error, remaining: opts.times ?? 1, ...(opts.chatId !== undefined ? { chatId: opts.chatId } : {}) });
  }

  /**
   * The next `times` (default 1) calls of `method` (to `chatId`, if given) get no
   * answer: the request is held open until the client gives up (its timeout)
   * or the fake stops. Recorded with `transport: 'hung'`.
   */
  hangNext(method: string, opts: { times?: number; chatId?: number | string } = {}): void {
    this.transportFailures.push({ method: method.toLowerCase(), mode: 'hung', remaining: opts.times ?? 1, ...(opts.chatId !== undefined ? { chatId: opts.chatId } : {}) });
  }

  /**
   * The next `times` (default 1) calls of `method` (to `chatId`, if given) have
   * their connection closed without an answer (a network error for the client).
   * Recorded with `transport: 'dropped'`.
   */
  dropNext(method: string, opts: { times?: number; chatId?: number | string } = {}): void {
    this.transportFailures.push({ method: method.toLowerCase(), mode: 'dropped', remaining: opts.times ?? 1, ...(opts.chatId !== undefined ? { chatId: opts.chatId } : {}) });
  }

  /** Forgets failures injected with failNext/hangNext/dropNext that have not happened yet. */
  clearFailures(): void {
    this.failures = [];
    this.transportFailures = [];
  }

  /** Every send/edit/copy/forward to this chat answers 403 "bot was blocked by the user" until unblocked. */
  blockChat(chatId: number | string): void {
    this.blocked.add(String(chatId));
  }

  unblockChat(chatId: number | string): void {
    this.blocked.delete(String(chatId));
  }

  private takeTransportFailure(method: string, payload: Payload): TransportFailure['mode'] | undefined {
    const failure = this.transportFailures.find(
      (f) => f.method === method.toLowerCase() && (f.chatId === undefined || String(f.chatId) === String(payload.chat_id)),
    );
    if (!failure) return undefined;
    if (--failure.remaining <= 0) this.transportFailures = this.transportFailures.filter((f) => f !== failure);
    return failure.mode;
  }

  private takeFailure(method: string, payload: Payload): TelegramError | undefined {
    const failure = this.failures.find(
      (f) => f.method === method.toLowerCase() && (f.chatId === undefined || String(f.chatId) === String(payload.chat_id)),
    );
    if (!failure) return undefined;
    if (--failure.remaining <= 0) this.failures = this.failures.filter((f) => f !== failure);
    return failure.error;
  }

  // --- chats, messages, files (thin wrappers over the store) -------------

  registerChat(chat: Chat): void {
    this.store.registerChat(chat);
  }

  /** A private chat with `user` exists (the user has started the bot). */
  registerUser(user: User): void {
    this.store.registerChat({
      id: user.id,
      type: 'private',
      first_name: user.first_name,
      ...(user.last_name !== undefined ? { last_name: user.last_name } : {}),
      ...(user.username !== undefined ? { username: user.username } : {}),
    });
  }

  /** Current state of a chat's messages (bot's and user's), oldest first. */
  chatMessages(chatId: number | string): Message[] {
    return this.store.chatMessages(chatId);
  }

  message(chatId: number | string, messageId: number): Message | undefined {
    return this.store.message(chatId, messageId);
  }

  /** Stores bytes the bot can fetch with getFile + `${apiRoot}/file/bot<token>/<file_path>`. */
  registerFile(content: Buffer | string, opts: { fileName?: string; mimeType?: string } = {}): StoredFile {
    return this.store.registerFile(content, opts);
  }

  /** Commands as stored by setMyCommands for that scope and language (empty if none). */
  commands(scope: object = { type: 'default' }, languageCode?: string): BotCommand[] {
    return this.store.getCommands(scope, languageCode);
  }

  /** Allocates the next message_id in a chat (user and bot messages share the sequence, as in private chats). */
  nextMessageId(chatId: number | string): number {
    return this.store.nextMessageId(chatId);
  }

  // --- updates -----------------------------------------------------------

  /** Queues an update with the next update_id and returns it. */
  pushUpdate(update: Omit<Update, 'update_id'>): Update {
    const full = { update_id: this.updates.nextUpdateId, ...update } as Update;
    this.observe(full);
    this.updates.push(full, false);
    return full;
  }

  /** Queues an update keeping its update_id, delivered even if that id was confirmed already (a redelivery). */
  pushRawUpdate(update: Update): Update {
    this.observe(update);
    this.updates.push(update, true);
    return update;
  }

  /** Updates queued and not yet confirmed. */
  get pendingUpdates(): Update[] {
    return this.updates.pending;
  }

  /** Every update handed to the bot (getUpdates batches, then webhook deliveries). */
  get deliveredUpdates(): Update[] {
    return [...this.updates.delivered, ...this.webhookDelivered];
  }

  /** Makes updates handed out but not yet confirmed available to any poller again (simulates a crashed poller). */
  expireLeases(): void {
    this.updates.expireLeases();
  }

  /**
   * POSTs an update to a webhook like Telegram does and returns the HTTP status.
   * A method call in the response body (grammY's webhook reply) is executed and recorded.
   */
  async deliverToWebhook(url: string, update: Update | Omit<Update, 'update_id'>, secretToken?: string): Promise<number> {
    const full = ('update_id' in update ? update : { update_id: this.updates.nextUpdateId, ...update }) as Update;
    this.updates.noteId(full.update_id);
    this.observe(full);
    this.webhookDelivered.push(full);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (secretToken !== undefined) headers['x-telegram-bot-api-secret-token'] = secretToken;
    const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(full) });
    const text = await res.text();
    if (res.ok && text.trim().startsWith('{')) {
      const { method, ...payload } = JSON.parse(text) as Payload;
      if (typeof method === 'string') await this.call('webhook-reply', method, payload, {});
    }
    return res.status;
  }

  /** Chats seen in updates become known chats; callback queries become answerable. */
  private observe(update: Update): void {
    for (const value of Object.values(update)) {
      if (!value || typeof value !== 'object') continue;
      const v = value as { chat?: Chat; message?: { chat?: Chat }; id?: unknown; chat_instance?: unknown };
      if (v.chat) this.store.registerChat(v.chat);
      if (v.message?.chat) this.store.registerChat(v.message.chat);
      if (v.chat_instance !== undefined && typeof v.id === 'string') this.store.openCallbackQuery(v.id);
    }
    if (update.message) this.store.storeMessage(update.message);
  }

  private getUpdates(p: Payload, signal: AbortSignal): Update[] | Promise<Update[]> {
    if (this.webhook) {
      throw new ApiError({
        error_code: 409,
        description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      });
    }
    return this.updates.poll(p, signal);
  }

  private setWebhook(p: Payload): true {
    const url = String(p.url ?? '');
    if (url === '') {
      this.webhook = undefined;
      return true;
    }
    if (!url.startsWith('https://')) {
      throw new ApiError({ error_code: 400, description: 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook' });
    }
    if (p.secret_token !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(String(p.secret_token))) {
      throw new ApiError({ error_code: 400, description: 'Bad Request: secret token contains unallowed characters' });
    }
    if (p.drop_pending_updates) this.updates.clear();
    this.webhook = {
      url,
      ...(p.secret_token !== undefined ? { secret_token: String(p.secret_token) } : {}),
      ...(Array.isArray(p.allowed_updates) ? { allowed_updates: p.allowed_updates as string[] } : {}),
    };
    return true;
  }

  // --- HTTP --------------------------------------------------------------

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.apiRoot);
    const body = await readBody(req);

    const fileRoute = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileRoute) {
      const file = this.store.fileByPath(decodeURIComponent(fileRoute[2]!));
      if (!file) return send(res, { ok: false, error_code: 404, description: 'Not Found' });
      res.writeHead(200, { 'content-type': file.mime_type ?? 'application/octet-stream', 'content-length': file.content.length });
      res.end(file.content);
      return;
    }

    const route = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z]+)$/.exec(url.pathname);
    if (!route) return send(res, { ok: false, error_code: 404, description: 'Not Found' });
    let decoded;
    try {
      decoded = decodeBody(req.headers['content-type'], body, url.searchParams);
    } catch (err) {
      return send(res, { ok: false, error_code: 400, description: `Bad Request: can't parse request body: ${String(err)}` });
    }

    // The client hanging up (grammY aborting a long poll) releases its waiter.
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) aborted.abort();
    });
    const transport = this.takeTransportFailure(route[2]!, decoded.payload);
    if (transport) {
      const description = transport === 'hung' ? 'no answer (the fake held the request)' : 'connection closed by the fake';
      this.record(route[1]!, route[2]!, decoded.payload, decoded.files, { ok: false, error_code: 0, description }, transport);
      if (transport === 'hung' && !this.stopped) {
        await new Promise<void>((resolve) => {
          const release = () => {
            this.hung.delete(release);
            resolve();
          };
          if (aborted.signal.aborted) return release();
          aborted.signal.addEventListener('abort', release, { once: true });
          this.hung.add(release);
        });
      }
      res.destroy();
      return;
    }
    const response = await this.call(route[1]!, route[2]!, decoded.payload, decoded.files, aborted.signal);
    if (!res.destroyed) send(res, response);
  }

  /** Runs one Bot API method and records it (getUpdates is transport, not recorded). */
  private async call(
    token: string,
    method: string,
    payload: Payload,
    files: Record<string, UploadedFile>,
    signal: AbortSignal = new AbortController().signal,
  ): Promise<ApiResponse> {
    const handler = this.handlers[method.toLowerCase()];
    const injected = this.takeFailure(method, payload);
    let response: ApiResponse;
    if (injected) {
      response = { ok: false, ...injected };
    } else if (isSendToChat(method) && payload.chat_id !== undefined && this.blocked.has(String(payload.chat_id))) {
      response = { ok: false, ...FakeBotApi.errors.blocked };
    } else {
      try {
        const result = method.toLowerCase() === 'getupdates' ? await this.getUpdates(payload, signal) : handler ? handler(payload, files) : true;
        response = { ok: true, result };
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        response = { ok: false, ...err.error };
      }
    }
    if (method.toLowerCase() !== 'getupdates') this.record(token, method, payload, files, response);
    return response;
  }

  private record(
    token: string,
    method: string,
    payload: Payload,
    files: Record<string, UploadedFile>,
    response: ApiResponse,
    transport?: RecordedCall['transport'],
  ): void {
    const call: RecordedCall = {
      index: this.callSeq++,
      method,
      token,
      payload,
      ...(Object.keys(files).length > 0 ? { files } : {}),
      at: realNow(),
      response,
      ...(transport ? { transport } : {}),
    };
    this.calls.push(call);
    for (const listener of [...this.listeners]) listener(call);
  }
}

function send(res: http.ServerResponse, response: ApiResponse): void {
  // Telegram's HTTP status is the error_code; guard against an injected code that is not a valid status.
  const status = response.ok ? 200 : response.error_code >= 400 && response.error_code <= 599 ? response.error_code : 400;
  const body = JSON.stringify(response);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

export function describeCall(call: RecordedCall): string {
  const p = call.payload;
  const text = p.text ?? p.caption ?? p.callback_query_id;
  const parts = [`#${call.index} ${call.method}`];
  if (p.chat_id !== undefined) parts.push(`chat=${String(p.chat_id)}`);
  if (p.message_id !== undefined) parts.push(`msg=${String(p.message_id)}`);
  if (text !== undefined) parts.push(JSON.stringify(String(text).slice(0, 80)));
  if (call.files) parts.push(`files=[${Object.keys(call.files).join(',')}]`);
  parts.push(call.response.ok ? '-> ok' : `-> ${call.response.error_code} ${call.response.description}`);
  return parts.join(' ');
}

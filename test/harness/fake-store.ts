// What the fake Bot API remembers between calls (chats, messages, files,
// commands, callback queries) and the method implementations that need it.
// Kept apart from the HTTP/polling plumbing in fake-bot-api.ts. Every rule here
// mirrors a Telegram behaviour a bot can trip over: edits of vanished messages,
// edits that change nothing, sends to chats that never talked to the bot,
// answering a callback query twice.
import type { BotCommand, Chat, Message, User, UserFromGetMe } from 'grammy/types';
import type { UploadedFile } from './request-body.js';
import { checkReplyMarkup, checkText } from './telegram-text.js';

export interface TelegramError {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Thrown by method implementations; becomes `{ ok: false, ... }` on the wire. */
export class ApiError extends Error {
  constructor(readonly error: TelegramError) {
    super(error.description);
  }
}
export const bad = (what: string) => new ApiError({ error_code: 400, description: `Bad Request: ${what}` });

export type Payload = Record<string, unknown>;
export type Handler = (payload: Payload, files: Record<string, UploadedFile>) => unknown;

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  file_size: number;
  file_name?: string;
  mime_type?: string;
  content: Buffer;
}

const MIME: Record<string, string> = {
  csv: 'text/csv', txt: 'text/plain', json: 'application/json', pdf: 'application/pdf', zip: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg',
};
const CHAT_ACTIONS = new Set([
  'typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document',
  'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note',
]);
const now = () => Math.floor(Date.now() / 1000);

/** JSON with sorted keys, so two equal keyboards compare equal whatever their key order. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** setMyCommands stores one list per scope + language_code. */
const commandKey = (scope: unknown, languageCode: unknown) => `${stable(scope ?? { type: 'default' })}|${String(languageCode ?? '')}`;

/** Telegram only echoes inline keyboards on a Message; an empty one is no keyboard. */
function inlineMarkup(markup: unknown): Message['reply_markup'] | undefined {
  const rows = (markup as { inline_keyboard?: unknown[][] } | undefined)?.inline_keyboard;
  return rows && rows.flat().length > 0 ? (markup as Message['reply_markup']) : undefined;
}

export class FakeStore {
  private readonly chats = new Map<string, Chat>();
  private readonly messages = new Map<string, Map<number, Message>>();
  private readonly lastMessageId = new Map<string, number>();
  /** Raw text + parse_mode each message was produced from: "not modified" compares sources, not rendered text. */
  private readonly sources = new WeakMap<Message, string>();
  private readonly files = new Map<string, StoredFile>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly commands = new Map<string, BotCommand[]>();
  readonly menuButtons = new Map<string, unknown>();
  private fileSeq = 0;

  constructor(readonly me: UserFromGetMe) {}

  get botUser(): User {
    return { id: this.me.id, is_bot: true, first_name: this.me.first_name, username: this.me.username };
  }

  // --- chats -------------------------------------------------------------

  registerChat(chat: Chat): void {
    this.chats.set(String(chat.id), chat);
  }

  /** Resolves chat_id like Telegram: numeric id or '@username' of a chat the bot knows. */
  chat(chatId: unknown): Chat {
    if (chatId === undefined || chatId === null || chatId === '') throw bad('chat_id is empty');
    const key = String(chatId);
    const found = key.startsWith('@')
      ? [...this.chats.values()].find((c) => 'username' in c && c.username === key.slice(1))
      : this.chats.get(key);
    if (!found) throw bad('chat not found');
    return found;
  }

  // --- messages ----------------------------------------------------------

  nextMessageId(chatId: number | string): number {
    const id = (this.lastMessageId.get(String(chatId)) ?? 0) + 1;
    this.lastMessageId.set(String(chatId), id);
    return id;
  }

  storeMessage(message: Message, source?: string): Message {
    const key = String(message.chat.id);
    if (!this.messages.has(key)) this.messages.set(key, new Map());
    this.messages.get(key)!.set(message.message_id, message);
    if (source !== undefined) this.sources.set(message, source);
    return message;
  }

  message(chatId: unknown, messageId: unknown): Message | undefined {
    return this.messages.get(String(chatId))?.get(Number(messageId));
  }

  /** Current state (after edits, without deleted ones) of a chat's messages, oldest first. */
  chatMessages(chatId: number | string): Message[] {
    return [...(this.messages.get(String(chatId))?.values() ?? [])].sort((a, b) => a.message_id - b.message_id);
  }

  private newBotMessage(chat: Chat, content: Record<string, unknown>, p: Payload, source?: string): Message {
    const replyTo = this.replyTarget(chat, p);
    const message = {
      message_id: this.nextMessageId(chat.id),
      from: this.botUser,
      chat,
      date: now(),
      ...(replyTo ? { reply_to_message: replyTo } : {}),
      ...content,
    } as unknown as Message;
    return this.storeMessage(message, source);
  }

  private replyTarget(chat: Chat, p: Payload): Message | undefined {
    const params = p.reply_parameters as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
    const id = params?.message_id ?? p.reply_to_message_id;
    if (id === undefined) return undefined;
    const target = this.message(chat.id, id);
    if (!target && !(params?.allow_sending_without_reply ?? p.allow_sending_without_reply)) {
      throw bad('message to be replied not found');
    }
    return target;
  }

  private editable(p: Payload): Message {
    const message = this.message(this.chat(p.chat_id).id, p.message_id);
    if (!message) throw bad('message to edit not found');
    if (message.from?.id !== this.me.id) throw bad("message can't be edited");
    return message;
  }

  private replaceMessage(old: Message, changes: Record<string, unknown>, source: string | undefined): Message {
    const { reply_markup: _dropped, ...rest } = old as Message & Record<string, unknown>;
    const markup = inlineMarkup(changes.reply_markup);
    const next = { ...rest, ...changes, edit_date: now(), reply_markup: markup } as unknown as Message;
    if (!markup) delete (next as { reply_markup?: unknown }).reply_markup;
    return this.storeMessage(next, source ?? this.sources.get(old));
  }

  private assertModified(old: Message, source: string | undefined, markup: unknown): void {
    const sameSource = source === undefined || source === this.sources.get(old);
    if (sameSource && stable(inlineMarkup(markup) ?? null) === stable(old.reply_markup ?? null)) {
      throw bad(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
  }

  // --- files -------------------------------------------------------------

  registerFile(content: Buffer | string, opts: { fileName?: string; mimeType?: string; folder?: string } = {}): StoredFile {
    const n = ++this.fileSeq;
    const ext = opts.fileName?.split('.').pop()?.toLowerCase();
    const folder = opts.folder ?? 'documents';
    const file: StoredFile = {
      // Real file ids are opaque base64-ish strings; never numeric.
      file_id: `BQACAgIAAxkBAAI${n.toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 10)}`,
      file_unique_id: `AgAD${n.toString(36).padStart(4, '0')}`,
      file_path: `${folder}/file_${n}${ext ? `.${ext}` : ''}`,
      file_size: Buffer.byteLength(content),
      content: Buffer.from(content),
      ...(opts.fileName !== undefined ? { file_name: opts.fileName } : {}),
      ...(opts.mimeType ?? (ext && MIME[ext]) ? { mime_type: opts.mimeType ?? MIME[ext!] } : {}),
    };
    this.files.set(file.file_id, file);
    return file;
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  fileByPath(path: string): StoredFile | undefined {
    return [...this.files.values()].find((f) => f.file_path === path);
  }

  /** An InputFile upload, a known file_id, or a URL Telegram would download. */
  private inputFile(field: string, p: Payload, files: Record<string, UploadedFile>, folder: string): StoredFile {
    const upload = files[field];
    if (upload) return this.registerFile(upload.content, { fileName: upload.filename, folder });
    const ref = p[field];
    if (typeof ref !== 'string' || ref === '') throw bad(`there is no ${field} in the request`);
    const known = this.files.get(ref);
    if (known) return known;
    if (/^https?:\/\//.test(ref)) {
      return this.registerFile(Buffer.alloc(0), { fileName: ref.split('/').pop() || field, folder });
    }
    throw bad('wrong file identifier/HTTP URL specified');
  }

  // --- callback queries --------------------------------------------------

  openCallbackQuery(id: string): void {
    if (!this.callbackQueries.has(id)) this.callbackQueries.set(id, { answered: false });
  }

  getCommands(scope: unknown, languageCode: unknown): BotCommand[] {
    return this.commands.get(commandKey(scope, languageCode)) ?? [];
  }

  // --- method implementations -------------------------------------------

  handlers(): Record<string, Handler> {
    const textOrThrow = (text: unknown, mode: unknown, kind: 'text' | 'caption') => {
      const checked = checkText(text, mode, kind);
      if (!checked.ok) throw new ApiError({ error_code: 400, description: checked.description });
      return checked.plain;
    };
    const markupOrThrow = (markup: unknown) => {
      const error = checkReplyMarkup(markup);
      if (error) throw new ApiError({ error_code: 400, description: error });
      return inlineMarkup(markup);
    };
    const source = (text: unknown, mode: unknown) => stable({ text: text ?? null, mode: mode ?? null });
    const captionFields = (p: Payload) => {
      const caption = textOrThrow(p.caption, p.parse_mode, 'caption');
      return caption ? { caption } : {};
    };
    const markupField = (p: Payload) => {
      const markup = markupOrThrow(p.reply_markup);
      return markup ? { reply_markup: markup } : {};
    };
    const asDocument = (f: StoredFile) => ({
      file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: f.file_size,
      ...(f.file_name !== undefined ? { file_name: f.file_name } : {}),
      ...(f.mime_type !== undefined ? { mime_type: f.mime_type } : {}),
    });
    // Telegram returns several sizes of an uploaded photo; the fake keeps the bytes on each.
    const asPhoto = (f: StoredFile) =>
      [90, 320, 800].map((side, i) => {
        const size = i === 2 ? f : this.registerFile(f.content, { folder: 'photos', fileName: 'photo.jpg' });
        return { file_id: size.file_id, file_unique_id: size.file_unique_id, file_size: size.file_size, width: side, height: side };
      });

    return {
      sendMessage: (p) => {
        const chat = this.chat(p.chat_id);
        const text = textOrThrow(p.text, p.parse_mode, 'text');
        const entities = Array.isArray(p.entities) ? { entities: p.entities } : {};
        return this.newBotMessage(chat, { text, ...entities, ...markupField(p) }, p, source(p.text, p.parse_mode));
      },
      sendDocument: (p, files) => {
        const chat = this.chat(p.chat_id);
        const content = { ...captionFields(p), ...markupField(p) };
        const file = this.inputFile('document', p, files, 'documents');
        return this.newBotMessage(chat, { document: asDocument(file), ...content }, p, source(p.caption, p.parse_mode));
      },
      sendPhoto: (p, files) => {
        const chat = this.chat(p.chat_id);
        const content = { ...captionFields(p), ...markupField(p) };
        const file = this.inputFile('photo', p, files, 'photos');
        return this.newBotMessage(chat, { photo: asPhoto(file), ...content }, p, source(p.caption, p.parse_mode));
      },
      editMessageText: (p) => {
        if (p.inline_message_id !== undefined) return true;
        const old = this.editable(p);
        if (old.text === undefined) throw bad('there is no text in the message to edit');
        const text = textOrThrow(p.text, p.parse_mode, 'text');
        markupOrThrow(p.reply_markup);
        const src = source(p.text, p.parse_mode);
        this.assertModified(old, src, p.reply_markup);
        // No reply_markup in an edit removes the inline keyboard, as on Telegram.
        const { entities: _e, ...withoutEntities } = old as Message & Record<string, unknown>;
        return this.replaceMessage(withoutEntities as unknown as Message, { text, reply_markup: p.reply_markup }, src);
      },
      editMessageCaption: (p) => {
        if (p.inline_message_id !== undefined) return true;
        const old = this.editable(p);
        if (old.text !== undefined) throw bad('there is no caption in the message to edit');
        const caption = textOrThrow(p.caption, p.parse_mode, 'caption');
        markupOrThrow(p.reply_markup);
        const src = source(p.caption, p.parse_mode);
        this.assertModified(old, src, p.reply_markup);
        return this.replaceMessage(old, { caption: caption || undefined, reply_markup: p.reply_markup }, src);
      },
      editMessageReplyMarkup: (p) => {
        if (p.inline_message_id !== undefined) return true;
        const old = this.editable(p);
        markupOrThrow(p.reply_markup);
        this.assertModified(old, undefined, p.reply_markup);
        return this.replaceMessage(old, { reply_markup: p.reply_markup }, undefined);
      },
      deleteMessage: (p) => {
        const chat = this.chat(p.chat_id);
        if (!this.messages.get(String(chat.id))?.delete(Number(p.message_id))) throw bad('message to delete not found');
        return true;
      },
      deleteMessages: (p) => {
        const chat = this.chat(p.chat_id);
        for (const id of (p.message_ids as number[] | undefined) ?? []) this.messages.get(String(chat.id))?.delete(Number(id));
        return true;
      },
      copyMessage: (p) => {
        const from = this.message(this.chat(p.from_chat_id).id, p.message_id);
        if (!from) throw bad('message to copy not found');
        const chat = this.chat(p.chat_id);
        const { text, caption, document, photo, contact, entities } = from as Message & Record<string, unknown>;
        const copied = Object.fromEntries(
          Object.entries({ text, caption, document, photo, contact, entities }).filter(([, v]) => v !== undefined),
        );
        if (p.caption !== undefined) copied.caption = textOrThrow(p.caption, p.parse_mode, 'caption');
        const message = this.newBotMessage(chat, { ...copied, ...markupField(p) }, p, this.sources.get(from));
        return { message_id: message.message_id };
      },
      forwardMessage: (p) => {
        const from = this.message(this.chat(p.from_chat_id).id, p.message_id);
        if (!from) throw bad('message to forward not found');
        const chat = this.chat(p.chat_id);
        const { message_id: _id, chat: _chat, from: author, date, reply_markup: _m, ...content } = from as Message & Record<string, unknown>;
        const forward_origin = { type: 'user', sender_user: author, date };
        return this.newBotMessage(chat, { ...content, forward_origin }, {}, this.sources.get(from));
      },
      sendChatAction: (p) => {
        this.chat(p.chat_id);
        if (!CHAT_ACTIONS.has(String(p.action))) throw bad('wrong parameter action in request');
        return true;
      },
      answerCallbackQuery: (p) => {
        const query = this.callbackQueries.get(String(p.callback_query_id));
        if (!query || query.answered) throw bad('query is too old and response timeout expired or query ID is invalid');
        if (typeof p.text === 'string' && p.text.length > 200) throw bad('MESSAGE_TOO_LONG');
        query.answered = true;
        return true;
      },
      getFile: (p) => {
        const f = this.files.get(String(p.file_id));
        if (!f) throw bad('invalid file_id');
        return { file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: f.file_size, file_path: f.file_path };
      },
      getChat: (p) => {
        const chat = this.chat(p.chat_id);
        return { ...chat, accent_color_id: 0, max_reaction_count: 11 };
      },
      setMyCommands: (p) => {
        const commands = (p.commands as BotCommand[] | undefined) ?? [];
        if (commands.some((c) => !/^[a-z0-9_]{1,32}$/.test(c.command))) throw bad('BOT_COMMAND_INVALID');
        this.commands.set(commandKey(p.scope, p.language_code), commands);
        return true;
      },
      getMyCommands: (p) => this.getCommands(p.scope, p.language_code),
      deleteMyCommands: (p) => {
        this.commands.delete(commandKey(p.scope, p.language_code));
        return true;
      },
      setChatMenuButton: (p) => {
        this.menuButtons.set(String(p.chat_id ?? 'default'), p.menu_button ?? { type: 'default' });
        return true;
      },
      getChatMenuButton: (p) => this.menuButtons.get(String(p.chat_id ?? 'default')) ?? { type: 'commands' },
    };
  }
}

// A Telegram user talking to the bot through the fake Bot API, so scenario
// tests read like a conversation:
//   await alice.send('/start'); await alice.expectReply(/Welcome/); await alice.tap('Clients');
// Actions queue updates and return at once; expectations wait for the bot.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Chat, InlineKeyboardButton, KeyboardButton, Message, Update, User } from 'grammy/types';
import { describeCall, type FakeBotApi, type RecordedCall } from './fake-bot-api.js';

export interface TelegramUserInit {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  /** Used when the user presses a `request_contact` reply-keyboard button. */
  phone?: string;
}

/** Methods whose successful call puts something the user can read into the chat. */
const OUTPUT_METHODS = new Set([
  'sendmessage', 'editmessagetext', 'editmessagecaption', 'sendphoto', 'senddocument', 'copymessage', 'forwardmessage',
]);

const now = () => Math.floor(Date.now() / 1000);
const matches = (matcher: string | RegExp, text: string) =>
  typeof matcher === 'string' ? text === matcher : new RegExp(matcher.source, matcher.flags.replace('g', '')).test(text);

export class TelegramUser {
  readonly user: User;
  readonly chat: Chat.PrivateChat;
  readonly phone: string | undefined;
  /** fake.nextCallIndex when the user's last action started; replies are looked for from there. */
  private actionIndex = 0;
  /** Calls already returned by expectReply since the last action, so two expectations never match one message. */
  private readonly consumed = new Set<number>();
  private callbackSeq = 0;

  constructor(
    readonly fake: FakeBotApi,
    init: TelegramUserInit,
  ) {
    this.user = {
      id: init.id,
      is_bot: false,
      first_name: init.firstName,
      ...(init.lastName !== undefined ? { last_name: init.lastName } : {}),
      ...(init.username !== undefined ? { username: init.username } : {}),
      ...(init.languageCode !== undefined ? { language_code: init.languageCode } : {}),
    };
    this.chat = {
      id: init.id,
      type: 'private',
      first_name: init.firstName,
      ...(init.lastName !== undefined ? { last_name: init.lastName } : {}),
      ...(init.username !== undefined ? { username: init.username } : {}),
    };
    this.phone = init.phone;
    // The user has opened the chat, so the bot may write to it.
    fake.registerUser(this.user);
    this.actionIndex = fake.nextCallIndex;
  }

  get id(): number {
    return this.user.id;
  }

  // --- actions -----------------------------------------------------------

  /** Sends a text message; a leading /command gets its bot_command entity, as real clients do. */
  send(text: string): Message {
    const command = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    return this.sendMessage({
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    });
  }

  /** Sends a file; the bot can download it with getFile and the file URL. */
  sendDocument(doc: { fileName: string; content: Buffer | string; mimeType?: string; caption?: string }): Message {
    const file = this.fake.registerFile(doc.content, {
      fileName: doc.fileName,
      ...(doc.mimeType !== undefined ? { mimeType: doc.mimeType } : {}),
    });
    return this.sendMessage({
      document: {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_name: doc.fileName,
        file_size: file.file_size,
        ...(file.mime_type !== undefined ? { mime_type: file.mime_type } : {}),
      },
      ...(doc.caption !== undefined ? { caption: doc.caption } : {}),
    });
  }

  /** Shares a contact; by default the user's own (user_id set, as when pressing a request_contact button). */
  shareContact(phone: string, opts: { ownContact?: boolean; firstName?: string; userId?: number } = {}): Message {
    const own = opts.ownContact ?? true;
    return this.sendMessage({
      contact: {
        phone_number: phone,
        first_name: opts.firstName ?? (own ? this.user.first_name : 'Contact'),
        ...(own ? { user_id: this.user.id } : opts.userId !== undefined ? { user_id: opts.userId } : {}),
      },
    });
  }

  /** Presses the inline button labelled `label` on the newest bot message that has one. */
  tap(label: string | RegExp): Update {
    const bot = this.fake.me.id;
    const messages = this.fake.chatMessages(this.chat.id).filter((m) => m.from?.id === bot).reverse();
    for (const message of messages) {
      const button = inlineButtons(message).find((b) => matches(label, b.text));
      if (!button) continue;
      if (!('callback_data' in button)) {
        throw new Error(`Button ${JSON.stringify(button.text)} on message ${message.message_id} has no callback_data (it is a ${Object.keys(button).filter((k) => k !== 'text').join('/')} button)`);
      }
      return this.pushCallback(button.callback_data, message);
    }
    const available = messages
      .filter((m) => inlineButtons(m).length > 0)
      .map((m) => `  message ${m.message_id}: ${inlineButtons(m).map((b) => JSON.stringify(b.text)).join(', ')}`);
    throw new Error(
      `${this.name}: no inline button matching ${String(label)} in chat ${this.chat.id}.\n` +
        (available.length > 0 ? `Available buttons (newest first):\n${available.join('\n')}` : 'No bot message in this chat has an inline keyboard.'),
    );
  }

  /** Sends a callback query with arbitrary data (forged or stale buttons). */
  tapData(data: string, messageId?: number): Update {
    const bot = this.fake.me.id;
    const message =
      messageId !== undefined
        ? this.fake.message(this.chat.id, messageId)
        : this.fake.chatMessages(this.chat.id).filter((m) => m.from?.id === bot).pop();
    return this.pushCallback(data, message);
  }

  /** Presses a reply-keyboard button: checks the keyboard last shown offers it, then sends what the client would. */
  tapReplyKeyboard(label: string | RegExp): Message {
    const keyboard = this.currentReplyKeyboard();
    if (!keyboard) throw new Error(`${this.name}: the bot has not shown a reply keyboard in this chat (or removed it).`);
    const buttons = keyboard.flat().map((b) => (typeof b === 'string' ? { text: b } : b)) as { text: string; request_contact?: boolean }[];
    const button = buttons.find((b) => matches(label, b.text));
    if (!button) {
      throw new Error(`${this.name}: reply keyboard has no button matching ${String(label)}. Offered: ${buttons.map((b) => JSON.stringify(b.text)).join(', ')}`);
    }
    if (button.request_contact) {
      if (!this.phone) throw new Error(`${this.name}: pressed a request_contact button but the user was created without a phone`);
      return this.shareContact(this.phone);
    }
    return this.send(button.text);
  }

  /** Blocks the bot: sends to this chat now fail with 403 and a my_chat_member update is delivered. */
  blockBot(): Update {
    this.fake.blockChat(this.chat.id);
    return this.pushChatMemberChange('member', 'kicked');
  }

  unblockBot(): Update {
    this.fake.unblockChat(this.chat.id);
    return this.pushChatMemberChange('kicked', 'member');
  }

  // --- expectations ------------------------------------------------------

  /**
   * Waits for bot output to this chat since the user's last action whose text
   * (as the user sees it, or as sent) matches; returns that call's payload.
   */
  async expectReply(matcher: string | RegExp, opts: { timeoutMs?: number } = {}): Promise<Record<string, unknown>> {
    const timeoutMs = opts.timeoutMs ?? 4000;
    const isMatch = (call: RecordedCall) =>
      !this.consumed.has(call.index) && this.isOutput(call) && this.outputTexts(call).some((t) => matches(matcher, t));
    try {
      const call = await this.fake.waitForCall(isMatch, timeoutMs, this.actionIndex);
      this.consumed.add(call.index);
      return call.payload;
    } catch {
      const seen = this.fake.callsSince(this.actionIndex).filter((c) => chatOf(c) === String(this.chat.id));
      throw new Error(
        `${this.name}: no bot reply matching ${String(matcher)} within ${timeoutMs}ms.\n` +
          (seen.length > 0 ? `Calls to this chat since the last action:\n${seen.map(describeCall).join('\n')}` : 'The bot made no call to this chat since the last action.') +
          `\n${this.fake.describeCalls(this.actionIndex)}`,
      );
    }
  }

  /** Successful bot outputs to this chat since the last action. */
  replies(): RecordedCall[] {
    return this.fake.callsSince(this.actionIndex).filter((c) => this.isOutput(c));
  }

  /** Current state (including edits) of the newest bot message in this chat. */
  lastMessage(): Message | undefined {
    return this.fake.chatMessages(this.chat.id).filter((m) => m.from?.id === this.fake.me.id).pop();
  }

  /** Waits `ms` and fails if the bot wrote anything to this chat since the last action. */
  async expectNoReply(ms = 300): Promise<void> {
    await sleep(ms); // node:timers/promises is not replaced by vi.useFakeTimers()
    const replies = this.replies();
    if (replies.length > 0) {
      throw new Error(`${this.name}: expected no reply, got:\n${replies.map(describeCall).join('\n')}`);
    }
  }

  // --- internals ---------------------------------------------------------

  private get name(): string {
    return `TelegramUser ${this.user.first_name} (${this.user.id})`;
  }

  private startAction(): void {
    this.actionIndex = this.fake.nextCallIndex;
    this.consumed.clear();
  }

  private sendMessage(content: Record<string, unknown>): Message {
    this.startAction();
    const message = {
      message_id: this.fake.nextMessageId(this.chat.id),
      from: this.user,
      chat: this.chat,
      date: now(),
      ...content,
    } as unknown as Update['message'] & Message;
    this.fake.pushUpdate({ message });
    return message;
  }

  private pushCallback(data: string, message: Message | undefined): Update {
    this.startAction();
    return this.fake.pushUpdate({
      callback_query: {
        // Telegram's ids are long numeric strings; unique per press.
        id: `${this.user.id}${String(++this.callbackSeq).padStart(6, '0')}`,
        from: this.user,
        chat_instance: `-${this.user.id}0042`,
        data,
        ...(message ? { message } : {}),
      },
    } as Omit<Update, 'update_id'>);
  }

  private pushChatMemberChange(oldStatus: 'member' | 'kicked', newStatus: 'member' | 'kicked'): Update {
    this.startAction();
    const bot = { id: this.fake.me.id, is_bot: true, first_name: this.fake.me.first_name, username: this.fake.me.username };
    const member = (status: 'member' | 'kicked') =>
      status === 'kicked' ? { status, user: bot, until_date: 0 } : { status, user: bot };
    return this.fake.pushUpdate({
      my_chat_member: { chat: this.chat, from: this.user, date: now(), old_chat_member: member(oldStatus), new_chat_member: member(newStatus) },
    } as unknown as Omit<Update, 'update_id'>);
  }

  private isOutput(call: RecordedCall): boolean {
    return call.response.ok && OUTPUT_METHODS.has(call.method.toLowerCase()) && chatOf(call) === String(this.chat.id);
  }

  /** Text as sent (may contain markup) and as rendered (markup stripped; copies looked up); expectReply tries all. */
  private outputTexts(call: RecordedCall): string[] {
    const p = call.payload;
    const result = call.response.ok ? (call.response.result as { message_id?: number; text?: string; caption?: string }) : {};
    const rendered = result.text === undefined && result.caption === undefined && result.message_id !== undefined
      ? this.fake.message(this.chat.id, result.message_id) ?? {}
      : result;
    return [p.text, p.caption, rendered.text, rendered.caption].filter((t): t is string => typeof t === 'string');
  }

  /** The reply keyboard the client currently shows: from the newest bot send that set or removed one. */
  private currentReplyKeyboard(): (string | KeyboardButton)[][] | undefined {
    for (const call of [...this.fake.calls].reverse()) {
      if (!this.isOutput(call)) continue;
      const markup = call.payload.reply_markup as { keyboard?: (string | KeyboardButton)[][]; remove_keyboard?: boolean } | undefined;
      if (markup?.keyboard) return markup.keyboard;
      if (markup?.remove_keyboard) return undefined;
    }
    return undefined;
  }
}

function inlineButtons(message: Message): InlineKeyboardButton[] {
  return message.reply_markup?.inline_keyboard.flat() ?? [];
}

function chatOf(call: RecordedCall): string {
  return String(call.payload.chat_id);
}

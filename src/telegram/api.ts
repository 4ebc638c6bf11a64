import { autoRetry } from "@grammyjs/auto-retry";
import { Api, type Transformer } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Config } from "../config.js";
import { CAPTION_MAX, fitCaption, KEYBOARD_MAX_BUTTONS, KEYBOARD_MAX_ROW, keyboardFits, MESSAGE_MAX, splitText } from "./limits.js";

/**
 * How Baton's Bot API clients behave. Two profiles:
 *
 * - `interactive` (the bot answering an update): a user is waiting and other
 *   updates of the same chat queue behind this one, so a reply gives up within
 *   about 15 s (two short retries, each request cut off after 6 s) and the
 *   error boundary apologises.
 * - `background` (workers, and messages to people other than the sender): waits
 *   out a 429 up to `maxWaitSeconds` and retries 5xx and network errors a few
 *   times; beyond that the send fails and the outbound path keeps the message
 *   pending for the job's own retry with backoff (src/outbound).
 *
 * Both fit every message to Telegram's size limits before it leaves.
 */
export type ApiProfile = { kind: "interactive" } | { kind: "background"; maxWaitSeconds: number };

export function configureApi(api: Api, profile: ApiProfile): Api {
  const interactive = profile.kind === "interactive";
  // Installed first = innermost: each attempt of auto-retry gets its own deadline.
  api.config.use(requestTimeout(interactive ? 6_000 : 30_000));
  api.config.use(
    autoRetry({
      maxRetryAttempts: interactive ? 2 : 4,
      maxDelaySeconds: interactive ? 4 : profile.maxWaitSeconds,
      rethrowInternalServerErrors: false,
      rethrowHttpErrors: false,
    }),
  );
  api.config.use(toleratingLateCallbackAnswers);
  // Outermost: a long text becomes several requests, each retried on its own.
  api.config.use(fitToLimits);
  return api;
}

/** A Bot API client for processes that send but do not receive (workers). */
export function createBackgroundApi(config: Pick<Config, "BOT_TOKEN" | "TELEGRAM_API_ROOT">, maxWaitSeconds: number): Api {
  return configureApi(new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }), { kind: "background", maxWaitSeconds });
}

/** Cuts off a request that hangs (getUpdates long-polls on purpose and is left alone). */
function requestTimeout(ms: number): Transformer {
  return (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    const timeout = AbortSignal.timeout(ms);
    // grammY types signals with the abort-controller polyfill; at run time both are the platform AbortSignal.
    const combined = (signal ? AbortSignal.any([signal as unknown as AbortSignal, timeout]) : timeout) as unknown as typeof signal;
    return prev(method, payload, combined);
  };
}

/**
 * A button press answered late (the bot was restarting, the update waited in
 * the queue) gets 400 "query is too old". Only the spinner on the user's
 * button is affected; the press itself is still handled.
 */
const toleratingLateCallbackAnswers: Transformer = async (prev, method, payload, signal) => {
  const response = await prev(method, payload, signal);
  if (
    method === "answerCallbackQuery" &&
    !response.ok &&
    response.error_code === 400 &&
    /query is too old|query ID is invalid/.test(response.description)
  ) {
    return { ok: true, result: true as never };
  }
  return response;
};

type Payload = Record<string, unknown>;
const CALLBACK_ANSWER_MAX = 200;

/**
 * The safety net under every view: a text over 4,096 characters is sent as
 * several messages split at line breaks (buttons under the last one); a
 * caption over 1,024 keeps its head and the rest follows as text; an edit
 * cannot add messages, so an over-long edit is cut at a line break with "…";
 * a keyboard over Telegram's button limits is cut (views page their lists, so
 * this only guards against a bug). Nothing fails for its size.
 */
const fitToLimits: Transformer = async (prev, method, payload, signal) => {
  const p = payload as Payload;
  if (p.reply_markup && !keyboardFits(p.reply_markup as InlineKeyboardMarkup)) {
    p.reply_markup = trimKeyboard(p.reply_markup as InlineKeyboardMarkup);
  }
  if (method === "sendMessage" && typeof p.text === "string" && p.text.length > MESSAGE_MAX) {
    const parts = splitText(p.text);
    const { reply_markup, ...rest } = p;
    let last: Awaited<ReturnType<typeof prev>> | undefined;
    for (let i = 0; i < parts.length; i++) {
      const isLast = i === parts.length - 1;
      last = await prev("sendMessage", { ...rest, text: parts[i], ...(isLast && reply_markup ? { reply_markup } : {}) } as never, signal);
      if (!last.ok) return last;
    }
    return last!;
  }
  if (method === "editMessageText" && typeof p.text === "string" && p.text.length > MESSAGE_MAX) {
    return prev(method, { ...p, text: `${splitText(p.text, MESSAGE_MAX - 2)[0]}\n…` } as never, signal);
  }
  if ((method === "sendPhoto" || method === "sendDocument") && typeof p.caption === "string" && p.caption.length > CAPTION_MAX) {
    const { caption, rest } = fitCaption(p.caption);
    const sent = await prev(method, { ...p, caption } as never, signal);
    if (!sent.ok || rest === null) return sent;
    for (const part of splitText(rest)) {
      const more = await prev("sendMessage", { chat_id: p.chat_id, text: part } as never, signal);
      if (!more.ok) return more;
    }
    return sent;
  }
  if (method === "editMessageCaption" && typeof p.caption === "string" && p.caption.length > CAPTION_MAX) {
    return prev(method, { ...p, caption: `${splitText(p.caption, CAPTION_MAX - 2)[0]}\n…` } as never, signal);
  }
  if (method === "answerCallbackQuery" && typeof p.text === "string" && p.text.length > CALLBACK_ANSWER_MAX) {
    return prev(method, { ...p, text: `${p.text.slice(0, CALLBACK_ANSWER_MAX - 1)}…` } as never, signal);
  }
  return prev(method, payload, signal);
};

function trimKeyboard(markup: InlineKeyboardMarkup): InlineKeyboardMarkup {
  const rows: InlineKeyboardMarkup["inline_keyboard"] = [];
  let total = 0;
  for (const row of markup.inline_keyboard) {
    for (let i = 0; i < row.length && total < KEYBOARD_MAX_BUTTONS; i += KEYBOARD_MAX_ROW) {
      const slice = row.slice(i, Math.min(i + KEYBOARD_MAX_ROW, i + KEYBOARD_MAX_BUTTONS - total));
      rows.push(slice);
      total += slice.length;
    }
  }
  return { inline_keyboard: rows };
}

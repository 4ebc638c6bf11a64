import { autoRetry } from "@grammyjs/auto-retry";
import { Api, HttpError, type Transformer } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Config } from "../config.js";
import { CAPTION_MAX, cutText, fitCaption, KEYBOARD_MAX_BUTTONS, KEYBOARD_MAX_ROW, keyboardFits, MESSAGE_MAX, splitText } from "./limits.js";

/**
 * How Baton's Bot API clients behave. Two profiles:
 *
 * - `interactive` (the bot answering an update): a user is waiting and other
 *   updates of the same chat queue behind this one, so a call gives up within
 *   14 s whatever happens (each attempt cut off after 5 s, at most two retries
 *   of a 5xx or network error, 429s waited out only up to 4 s) and the error
 *   boundary apologises.
 * - `background` (workers, and messages to people other than the sender): waits
 *   out a 429 up to `maxWaitSeconds` and retries 5xx and network errors a few
 *   times, giving up after `maxWaitSeconds` + 90 s; beyond that the send fails
 *   (a 429 as `GrammyError`, the rest as `HttpError`) and the outbound path
 *   keeps the message pending for the job's own retry with backoff (src/outbound).
 *
 * Both fit every message to Telegram's size limits before it leaves.
 *
 * Why a deadline of our own: auto-retry bounds 5xx retries by
 * `maxRetryAttempts`, but retries network errors (a refused connection, a
 * request cut off by our timeout) forever, backing off up to an hour. Only an
 * aborted signal stops it, so each call gets one.
 */
export type ApiProfile =
  | { kind: "interactive" }
  | {
      kind: "background";
      maxWaitSeconds: number;
      /** 5xx retries in-process (default 4, i.e. 3 + 6 + 12 + 24 s of backoff). Tests lower it. */
      retryAttempts?: number;
      /** Overall limit per call (default `maxWaitSeconds` + 90). Tests lower it. */
      giveUpAfterSeconds?: number;
    };

/** The numbers behind a profile (exported for tests and docs). */
export interface ApiTiming {
  /** One HTTP attempt is cut off after this long. */
  requestTimeoutMs: number;
  /** The whole call (all attempts and waits) gives up after this long. */
  deadlineMs: number;
  /** Retries after the first attempt, for 429s within `maxDelaySeconds` and 5xx. */
  maxRetryAttempts: number;
  /** A 429 asking to wait longer than this is not waited out. */
  maxDelaySeconds: number;
}

export function timingOf(profile: ApiProfile): ApiTiming {
  if (profile.kind === "interactive") return { requestTimeoutMs: 5_000, deadlineMs: 14_000, maxRetryAttempts: 2, maxDelaySeconds: 4 };
  return {
    requestTimeoutMs: 30_000,
    deadlineMs: (profile.giveUpAfterSeconds ?? profile.maxWaitSeconds + 90) * 1000,
    maxRetryAttempts: profile.retryAttempts ?? 4,
    maxDelaySeconds: profile.maxWaitSeconds,
  };
}

export function configureApi(api: Api, profile: ApiProfile): Api {
  const timing = timingOf(profile);
  // Installed first = innermost: each attempt of auto-retry gets its own timeout.
  api.config.use(requestTimeout(timing.requestTimeoutMs));
  api.config.use(
    autoRetry({
      maxRetryAttempts: timing.maxRetryAttempts,
      maxDelaySeconds: timing.maxDelaySeconds,
      rethrowInternalServerErrors: false,
      rethrowHttpErrors: false,
    }),
  );
  // Around all attempts: nothing waits longer than the profile allows.
  api.config.use(deadline(timing.deadlineMs));
  api.config.use(toleratingLateCallbackAnswers);
  // Outermost: a long text becomes several requests, each retried on its own.
  api.config.use(fitToLimits);
  return api;
}

/** A Bot API client for processes that send but do not receive (workers). */
export function createBackgroundApi(
  config: Pick<Config, "BOT_TOKEN" | "TELEGRAM_API_ROOT">,
  maxWaitSeconds: number,
  tuning: { retryAttempts?: number; giveUpAfterSeconds?: number } = {},
): Api {
  return configureApi(new Api(config.BOT_TOKEN, { apiRoot: config.TELEGRAM_API_ROOT }), { kind: "background", maxWaitSeconds, ...tuning });
}

// grammY types signals with the abort-controller polyfill; at run time both are the platform AbortSignal.
type GrammySignal = Parameters<Transformer>[3];
const withTimeout = (signal: GrammySignal, timeout: AbortSignal): GrammySignal =>
  (signal ? AbortSignal.any([signal as unknown as AbortSignal, timeout]) : timeout) as unknown as GrammySignal;

/** Cuts off one attempt that hangs (getUpdates long-polls on purpose and is left alone). */
function requestTimeout(ms: number): Transformer {
  return (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    return prev(method, payload, withTimeout(signal, AbortSignal.timeout(ms)));
  };
}

/**
 * Gives up on a call (every attempt and every wait between them) after `ms`.
 * What it throws then is an `HttpError`, like any other network failure, so
 * callers classify it the same way (the outbound path: "try again later").
 */
function deadline(ms: number): Transformer {
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    const timer = AbortSignal.timeout(ms);
    try {
      return await prev(method, payload, withTimeout(signal, timer));
    } catch (err) {
      if (timer.aborted && !signal?.aborted) throw new HttpError(`Request to '${method}' gave up after ${ms / 1000} s`, err);
      throw err;
    }
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
    const { reply_markup, ...rest } = p;
    return sendTexts(prev, signal, splitText(p.text), rest, reply_markup);
  }
  if (method === "editMessageText" && typeof p.text === "string" && p.text.length > MESSAGE_MAX) {
    return prev(method, { ...p, text: `${splitText(p.text, MESSAGE_MAX - 2)[0]}\n…` } as never, signal);
  }
  if ((method === "sendPhoto" || method === "sendDocument") && typeof p.caption === "string" && p.caption.length > CAPTION_MAX) {
    const { caption, rest } = fitCaption(p.caption);
    const { reply_markup, ...withoutButtons } = p;
    // Buttons go under the last message, as for a split text.
    const sent = await prev(method, { ...withoutButtons, caption, ...(rest === null && reply_markup ? { reply_markup } : {}) } as never, signal);
    if (!sent.ok || rest === null) return sent;
    const thread = p.message_thread_id === undefined ? {} : { message_thread_id: p.message_thread_id };
    const more = await sendTexts(prev, signal, splitText(rest), { chat_id: p.chat_id, ...thread }, reply_markup);
    return more.ok ? sent : more;
  }
  if (method === "editMessageCaption" && typeof p.caption === "string" && p.caption.length > CAPTION_MAX) {
    return prev(method, { ...p, caption: `${splitText(p.caption, CAPTION_MAX - 2)[0]}\n…` } as never, signal);
  }
  if (method === "answerCallbackQuery" && typeof p.text === "string" && p.text.length > CALLBACK_ANSWER_MAX) {
    return prev(method, { ...p, text: cutText(p.text, CALLBACK_ANSWER_MAX) } as never, signal);
  }
  return prev(method, payload, signal);
};

/** Sends texts one after the other (stopping at the first refusal), the buttons under the last; answers with the last. */
async function sendTexts(
  prev: Parameters<Transformer>[0],
  signal: Parameters<Transformer>[3],
  texts: string[],
  fields: Payload,
  reply_markup: unknown,
): Promise<Awaited<ReturnType<Parameters<Transformer>[0]>>> {
  let last: Awaited<ReturnType<Parameters<Transformer>[0]>> | undefined;
  for (let i = 0; i < texts.length; i++) {
    const isLast = i === texts.length - 1;
    last = await prev("sendMessage", { ...fields, text: texts[i], ...(isLast && reply_markup ? { reply_markup } : {}) } as never, signal);
    if (!last.ok) return last;
  }
  return last!;
}

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

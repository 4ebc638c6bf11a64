import { setTimeout as sleep } from "node:timers/promises";
import { Api, HttpError, type Transformer } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Config } from "../config.js";
import { CAPTION_MAX, cutText, fitCaption, KEYBOARD_MAX_BUTTONS, KEYBOARD_MAX_ROW, keyboardFits, MESSAGE_MAX, splitText } from "./limits.js";

/**
 * How Baton's Bot API clients behave. Two profiles:
 *
 * - `interactive` (the bot answering an update): a user is waiting and other
 *   updates of the same chat queue behind this one, so a call gives up within
 *   14 s whatever happens: each attempt is cut off after 5 s, a 5xx or network
 *   error is retried at most twice (after 2 s, then 4 s), a 429 is waited out
 *   only up to 4 s, and no wait is started that would end past the deadline.
 *   The error boundary then apologises.
 * - `background` (workers, and messages to people other than the sender): waits
 *   out a 429 up to `maxWaitSeconds` and retries 5xx and network errors four
 *   times (3, 6, 12, 24 s), giving up after `maxWaitSeconds` + 90 s; beyond that
 *   the send fails (a 429 or 5xx as `GrammyError`, the rest as `HttpError`) and
 *   the outbound path keeps the message pending for the job's own retry with
 *   backoff (src/outbound).
 *
 * Both fit every message to Telegram's size limits before it leaves.
 *
 * The retries are our own, not @grammyjs/auto-retry's: auto-retry retries
 * network errors (a refused connection, an attempt cut off by our timeout)
 * without limit, backing off up to an hour, and after the last permitted
 * attempt of a 5xx it still sleeps one more backoff before it answers. Inside
 * an update that made a reply to a Bot API that is down hang forever, and a
 * failing one take 21 s instead of 9.
 */
export type ApiProfile =
  | { kind: "interactive" }
  | {
      kind: "background";
      maxWaitSeconds: number;
      /** 5xx and network retries in-process (default 4, i.e. 3 + 6 + 12 + 24 s of backoff). Tests lower it. */
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
  /** Retries after the first attempt (429s within `maxDelaySeconds`, 5xx, network errors). */
  maxRetryAttempts: number;
  /** A 429 asking to wait longer than this is not waited out. */
  maxDelaySeconds: number;
  /** Wait before the first retry of a 5xx or network error; doubles each time. */
  firstBackoffMs: number;
}

export function timingOf(profile: ApiProfile): ApiTiming {
  if (profile.kind === "interactive") {
    return { requestTimeoutMs: 5_000, deadlineMs: 14_000, maxRetryAttempts: 2, maxDelaySeconds: 4, firstBackoffMs: 2_000 };
  }
  return {
    requestTimeoutMs: 30_000,
    deadlineMs: (profile.giveUpAfterSeconds ?? profile.maxWaitSeconds + 90) * 1000,
    maxRetryAttempts: profile.retryAttempts ?? 4,
    maxDelaySeconds: profile.maxWaitSeconds,
    firstBackoffMs: 3_000,
  };
}

export function configureApi(api: Api, profile: ApiProfile): Api {
  const timing = timingOf(profile);
  // Installed first = innermost: each attempt gets its own timeout.
  api.config.use(requestTimeout(timing.requestTimeoutMs));
  api.config.use(retrying(timing));
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
type ApiResponse = Awaited<ReturnType<Parameters<Transformer>[0]>>;
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
 * Retries a call within the profile's limits: a 429 asking for at most
 * `maxDelaySeconds` is waited out; a 5xx or a network error (including an
 * attempt cut off by its timeout) is retried with doubling backoff; at most
 * `maxRetryAttempts` retries; no wait that would end past the deadline, and an
 * attempt still running at the deadline is cut off. What cannot be retried is
 * answered as it came: Telegram's error response (grammY throws it as a
 * `GrammyError`), or the `HttpError` of the network; a call cut off by the
 * deadline throws `HttpError("Request to '…' gave up after N s")`.
 * getUpdates is left alone (the runner has its own retries).
 */
function retrying(t: ApiTiming): Transformer {
  return async (prev, method, payload, signal) => {
    if (method === "getUpdates") return prev(method, payload, signal);
    const giveUpAt = Date.now() + t.deadlineMs;
    const deadline = AbortSignal.timeout(t.deadlineMs);
    const attemptSignal = withTimeout(signal, deadline);
    let backoffMs = t.firstBackoffMs;
    for (let retries = 0; ; retries++) {
      let response: ApiResponse | undefined;
      let failure: unknown;
      try {
        response = await prev(method, payload, attemptSignal);
      } catch (err) {
        if (signal?.aborted) throw err; // the caller cancelled: not ours to retry
        if (deadline.aborted) throw new HttpError(`Request to '${method}' gave up after ${t.deadlineMs / 1000} s`, err);
        if (!(err instanceof HttpError)) throw err;
        failure = err;
      }
      if (response?.ok) return response;

      let waitMs: number | undefined;
      const retryAfter = response?.parameters?.retry_after;
      if (response && typeof retryAfter === "number") {
        if (retryAfter <= t.maxDelaySeconds) waitMs = retryAfter * 1000;
      } else if (!response || response.error_code >= 500) {
        waitMs = backoffMs;
        backoffMs *= 2;
      }
      const worthWaiting = waitMs !== undefined && retries < t.maxRetryAttempts && Date.now() + waitMs < giveUpAt;
      if (!worthWaiting) {
        if (response) return response;
        throw failure;
      }
      try {
        await sleep(waitMs, undefined, { signal: attemptSignal as unknown as AbortSignal });
      } catch (err) {
        if (signal?.aborted) throw err;
        if (response) return response;
        throw failure;
      }
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

import { randomBytes } from "node:crypto";
import { InlineKeyboard } from "grammy";
import type { Translate } from "../src/i18n/i18n.js";
import { fail, ok, type Result } from "../src/shared/result.js";
import { callbackData, field } from "../src/telegram/callback-data.js";
import type { SceneContext, SceneConversation } from "../src/telegram/context.js";

/**
 * Building blocks every guided conversation uses: one question, answered by
 * a button or typed text, validated by a domain parser, re-asked with the
 * reason until it is valid. /cancel and the Cancel button are handled outside
 * the conversation (src/bot/features/core/cancel.ts), so they always work.
 *
 * A question's buttons belong to that question: each carries the question's
 * id and the index of the choice. Tapping a button of an earlier question (or
 * of a conversation that is over) is answered "this question is closed" and
 * changes nothing; once a question is answered its buttons are removed.
 */

/** The Cancel button under every question. */
export const cancelButton = callbackData("cancel", {});
/** A choice of one question: question id (conversation nonce + counter) and the choice's index. */
export const choiceButton = callbackData("q", { question: field.token(12), choice: field.int });

export interface Choice {
  label: string;
  value: string;
}

/** A button row with "Skip" for optional questions. */
export const SKIP = "\u0000skip";
export const skipRow = (t: Translate): Choice[] => [{ label: t("btn-skip"), value: SKIP }];

export type Answer = { kind: "pick"; value: string } | { kind: "text"; text: string };

export interface Prompt {
  prompt: string;
  choices?: Choice[][];
  /** A shared contact (📎 → Contact) answers with its phone number, as if typed. */
  acceptContact?: boolean;
}

/** Per conversation run: a nonce from the first question (replayed from state) and a question counter. */
const questions = new WeakMap<SceneConversation, { nonce: string; count: number }>();

async function nextQuestionId(conversation: SceneConversation): Promise<string> {
  let state = questions.get(conversation);
  if (!state) {
    const nonce = await conversation.external(() => randomBytes(4).toString("base64url").slice(0, 5));
    state = { nonce, count: 0 };
    questions.set(conversation, state);
  }
  return `${state.nonce}${(state.count++).toString(36)}`;
}

function keyboardFor(question: string, rows: Choice[][], t: Translate): { keyboard: InlineKeyboard; values: string[] } {
  const keyboard = new InlineKeyboard();
  const values: string[] = [];
  for (const row of rows) {
    for (const choice of row) {
      keyboard.text(choice.label, choiceButton.pack({ question, choice: values.length }));
      values.push(choice.value);
    }
    keyboard.row();
  }
  keyboard.text(t("btn-cancel"), cancelButton.pack({}));
  return { keyboard, values };
}

/** Removes the buttons of an answered question; the text stays as a record of what was asked. */
async function closeQuestion(ctx: SceneContext, chatId: number, messageId: number): Promise<void> {
  try {
    await ctx.api.editMessageReplyMarkup(chatId, messageId);
  } catch {
    // Already without buttons, or too old to edit: nothing to close.
  }
}

/**
 * Sends the question and waits for a usable answer: a tap on one of its
 * buttons or a text. A command (/clients…) leaves the conversation and runs.
 * Anything else (stickers, old buttons) gets a hint and the question stays open.
 */
export async function askRaw(conversation: SceneConversation, ctx: SceneContext, t: Translate, p: Prompt): Promise<Answer> {
  const question = await nextQuestionId(conversation);
  const { keyboard, values } = keyboardFor(question, p.choices ?? [], t);
  let asked = await ctx.reply(p.prompt, { reply_markup: keyboard });
  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) {
      const picked = choiceButton.unpack(data);
      if (!picked || picked.question !== question || picked.choice >= values.length) {
        await answer.answerCallbackQuery({ text: t("scene-question-closed") });
        continue;
      }
      await answer.answerCallbackQuery();
      await closeQuestion(answer, asked.chat.id, asked.message_id);
      return { kind: "pick", value: values[picked.choice]! };
    }
    const text = answer.message?.text ?? (p.acceptContact ? contactPhone(answer.message?.contact?.phone_number) : undefined);
    if (text === undefined) {
      // The question is asked again below the sticker (or photo…); only the newest copy keeps buttons.
      await closeQuestion(answer, asked.chat.id, asked.message_id);
      asked = await answer.reply(`${t("scene-need-text")}\n\n${p.prompt}`, { reply_markup: keyboard });
      continue;
    }
    await closeQuestion(answer, asked.chat.id, asked.message_id);
    // A command interrupts the step: the conversation ends and the command runs as usual.
    if (text.startsWith("/")) await conversation.halt({ next: true });
    return { kind: "text", text };
  }
}

/** Telegram sends a contact's number in international form, usually without the "+". */
const contactPhone = (phone: string | undefined) => (phone === undefined || phone.startsWith("+") ? phone : `+${phone}`);

export interface Question<T> extends Prompt {
  /** Validates typed text (and, unless `pick` is given, button values too). */
  parse: (text: string) => Result<T>;
  /** Maps a button value to the answer, when buttons mean something other than their text. */
  pick?: (value: string) => T | undefined;
}

export async function ask<T>(conversation: SceneConversation, ctx: SceneContext, t: Translate, q: Question<T>): Promise<T> {
  let prompt = q.prompt;
  for (;;) {
    const answer = await askRaw(conversation, ctx, t, { ...q, prompt });
    if (answer.kind === "pick") {
      const picked = q.pick ? q.pick(answer.value) : resultValue(q.parse(answer.value));
      if (picked !== undefined) return picked;
      prompt = q.prompt;
      continue;
    }
    const parsed = q.parse(answer.text);
    if (parsed.ok) return parsed.value;
    prompt = `${t(`error-${parsed.error}`)}\n\n${q.prompt}`;
  }
}

/** An optional question: "Skip" answers null. */
export async function askOptional<T>(conversation: SceneConversation, ctx: SceneContext, t: Translate, q: Question<T>): Promise<T | null> {
  return ask<T | null>(conversation, ctx, t, {
    ...q,
    choices: [...(q.choices ?? []), skipRow(t)],
    pick: (v) => (v === SKIP ? null : q.pick ? q.pick(v) : resultValue(q.parse(v))),
  });
}

/** A yes/no step with buttons; typed answers are not guessed at. */
export async function confirm(conversation: SceneConversation, ctx: SceneContext, t: Translate, prompt: string): Promise<boolean> {
  return ask(conversation, ctx, t, {
    prompt,
    choices: [[{ label: t("btn-confirm"), value: "yes" }]],
    parse: () => ({ ok: false, error: "use-buttons" }),
    pick: (v) => (v === "yes" ? true : undefined),
  });
}

/** Buttons-only choice among fixed values. */
export async function choose<V extends string>(
  conversation: SceneConversation,
  ctx: SceneContext,
  t: Translate,
  prompt: string,
  options: { value: V; label: string }[],
  perRow = 3,
): Promise<V> {
  const rows: Choice[][] = [];
  for (let i = 0; i < options.length; i += perRow) rows.push(options.slice(i, i + perRow));
  return ask(conversation, ctx, t, {
    prompt,
    choices: rows,
    parse: () => ({ ok: false, error: "use-buttons" }),
    pick: (v) => options.find((o) => o.value === v)?.value,
  });
}

/** A parser for free text answers: something, and at most `max` characters. */
export const freeText =
  (max: number) =>
  (text: string): Result<string, "text-too-long"> => {
    const value = text.trim();
    return value.length > 0 && value.length <= max ? ok(value) : fail("text-too-long");
  };

export function resultValue<T>(r: Result<T>): T | undefined {
  return r.ok ? r.value : undefined;
}

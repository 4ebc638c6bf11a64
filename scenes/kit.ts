import { InlineKeyboard } from "grammy";
import type { SceneContext, SceneConversation } from "../src/bot/context.js";
import type { Translate } from "../src/i18n/i18n.js";
import { fail, ok, type Result } from "../src/shared/result.js";

/**
 * Building blocks every guided conversation uses: one question, answered by
 * a button or typed text, validated by a domain parser, re-asked with the
 * reason until it is valid. /cancel and the Cancel button are handled outside
 * the conversation (see src/bot/features/cancel.ts), so they always work.
 */

export const CANCEL_DATA = "cancel";
const PICK_PREFIX = "pick:";
export const SKIP = "skip";

export interface Choice {
  label: string;
  value: string;
}

export function choiceKeyboard(rows: Choice[][], t: Translate): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const row of rows) {
    for (const choice of row) kb.text(choice.label, PICK_PREFIX + choice.value);
    kb.row();
  }
  return kb.text(t("btn-cancel"), CANCEL_DATA);
}

/** A button row with "Skip" for optional questions. */
export const skipRow = (t: Translate): Choice[] => [{ label: t("btn-skip"), value: SKIP }];

export type Answer = { kind: "pick"; value: string } | { kind: "text"; text: string };

export interface Prompt {
  prompt: string;
  choices?: Choice[][];
  /** A shared contact (📎 → Contact) answers with its phone number, as if typed. */
  acceptContact?: boolean;
}

/**
 * Sends the question and waits for a usable answer: a tap on one of its
 * buttons or a text. Anything else (stickers, old buttons, commands) gets a
 * hint and the question stays open.
 */
export async function askRaw(conversation: SceneConversation, ctx: SceneContext, t: Translate, p: Prompt): Promise<Answer> {
  const keyboard = choiceKeyboard(p.choices ?? [], t);
  await ctx.reply(p.prompt, { reply_markup: keyboard });
  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) {
      if (!data.startsWith(PICK_PREFIX)) {
        await answer.answerCallbackQuery({ text: t("scene-finish-first") });
        continue;
      }
      await answer.answerCallbackQuery();
      return { kind: "pick", value: data.slice(PICK_PREFIX.length) };
    }
    const text = answer.message?.text ?? (p.acceptContact ? contactPhone(answer.message?.contact?.phone_number) : undefined);
    if (text === undefined) {
      await answer.reply(`${t("scene-need-text")}\n\n${p.prompt}`, { reply_markup: keyboard });
      continue;
    }
    if (text.startsWith("/")) {
      await answer.reply(t("scene-finish-first"), { reply_markup: keyboard });
      continue;
    }
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

import { InlineKeyboard } from "grammy";
import type { SceneContext, SceneConversation } from "../src/bot/context.js";
import type { Translate } from "../src/i18n/i18n.js";
import type { Result } from "../src/shared/result.js";

/**
 * Building blocks every guided conversation uses: one question, answered by
 * a button or typed text, validated by a domain parser, re-asked with the
 * reason until it is valid. /cancel and the Cancel button are handled outside
 * the conversation (see src/bot/features/cancel.ts), so they always work.
 */

export const CANCEL_DATA = "cancel";
const PICK_PREFIX = "pick:";

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

export interface Question<T> {
  prompt: string;
  choices?: Choice[][];
  /** Validates typed text (and, unless `pick` is given, button values too). */
  parse: (text: string) => Result<T>;
  /** Maps a button value to the answer, when buttons mean something other than their text. */
  pick?: (value: string) => T | undefined;
}

export async function ask<T>(conversation: SceneConversation, ctx: SceneContext, t: Translate, q: Question<T>): Promise<T> {
  const keyboard = choiceKeyboard(q.choices ?? [], t);
  await ctx.reply(q.prompt, { reply_markup: keyboard });
  for (;;) {
    const answer = await conversation.wait();
    const data = answer.callbackQuery?.data;
    if (data !== undefined) {
      if (!data.startsWith(PICK_PREFIX)) {
        // A button of some older message: the question stays open.
        await answer.answerCallbackQuery({ text: t("scene-finish-first") });
        continue;
      }
      await answer.answerCallbackQuery();
      const value = data.slice(PICK_PREFIX.length);
      const picked = q.pick ? q.pick(value) : resultValue(q.parse(value));
      if (picked !== undefined) return picked;
      await answer.reply(q.prompt, { reply_markup: keyboard });
      continue;
    }
    const text = answer.message?.text;
    if (text === undefined) {
      await answer.reply(`${t("scene-need-text")}\n\n${q.prompt}`, { reply_markup: keyboard });
      continue;
    }
    if (text.startsWith("/")) {
      await answer.reply(t("scene-finish-first"), { reply_markup: keyboard });
      continue;
    }
    const parsed = q.parse(text);
    if (parsed.ok) return parsed.value;
    await answer.reply(`${t(`error-${parsed.error}`)}\n\n${q.prompt}`, { reply_markup: keyboard });
  }
}

/** A yes/no step with two buttons; typed answers are not guessed at. */
export async function confirm(conversation: SceneConversation, ctx: SceneContext, t: Translate, prompt: string): Promise<boolean> {
  return ask(conversation, ctx, t, {
    prompt,
    choices: [[{ label: t("btn-confirm"), value: "yes" }]],
    parse: () => ({ ok: false, error: "use-buttons" }),
    pick: (v) => (v === "yes" ? true : undefined),
  });
}

function resultValue<T>(r: Result<T>): T | undefined {
  return r.ok ? r.value : undefined;
}

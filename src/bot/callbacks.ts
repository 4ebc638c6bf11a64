import type { Composer, Filter, NextFunction } from "grammy";
import type { CallbackCodec, DataOf, FieldsSpec } from "../telegram/callback-data.js";
import type { BotContext } from "../telegram/context.js";

export type CallbackContext = Filter<BotContext, "callback_query:data">;
type Guard = (ctx: BotContext, next: NextFunction) => Promise<void>;

/**
 * Registers a button handler for one codec. The payload is decoded and
 * validated before the handler runs; a forged or malformed one (or one of an
 * older version of the bot) is answered "this button is no longer active" and
 * goes no further. Guards (`requireRole`…) run first, on every press.
 */
export function onCallback<F extends FieldsSpec>(
  composer: Composer<BotContext>,
  codec: CallbackCodec<F>,
  guards: Guard[],
  handler: (ctx: CallbackContext, data: DataOf<F>) => Promise<unknown>,
): void {
  composer.callbackQuery(codec.pattern, ...guards, async (ctx) => {
    const data = codec.unpack(ctx.callbackQuery.data);
    if (!data) {
      await ctx.answerCallbackQuery({ text: ctx.t("button-expired") });
      return;
    }
    await handler(ctx, data);
  });
}

import type { BotContext, BotDeps, SceneContext, SceneConversation } from "../src/telegram/context.js";

/** Arguments a conversation is entered with: stored as JSON with its state, so plain data only. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
// Interfaces of plain data count as Json too (TypeScript does not widen them to index signatures).
type JsonArgs = readonly unknown[];

export type SceneBuilder<A extends JsonArgs> = (conversation: SceneConversation, ctx: SceneContext, ...args: A) => Promise<void>;

/**
 * A guided conversation with a typed entry: handlers call `scene.enter(ctx, …args)`
 * and TypeScript checks the arguments against the conversation's own
 * parameters; nobody writes a conversation id or casts arguments by hand.
 */
export interface Scene<A extends JsonArgs> {
  readonly id: string;
  readonly build: (deps: BotDeps) => SceneBuilder<A>;
  enter(ctx: BotContext, ...args: A): Promise<void>;
}

export function defineScene<A extends JsonArgs>(id: string, build: (deps: BotDeps) => SceneBuilder<A>): Scene<A> {
  return {
    id,
    build,
    enter: (ctx, ...args) => ctx.conversation.enter(id, ...(args as unknown as Json[])),
  };
}

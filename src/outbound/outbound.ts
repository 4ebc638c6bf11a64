import { randomBytes } from "node:crypto";
import type { Api, InputFile } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Types } from "mongoose";
import type { Logger } from "../logger.js";
import type { JobQueue } from "../queue/job-queue.js";
import type { Clock } from "../shared/clock.js";
import { fitCaption, splitText } from "../telegram/limits.js";
import { classifySendError, DeliveryDeferred } from "./errors.js";
import { Delivery, type DeliveryDoc, type DeliveryStatus, type StoredPart } from "./delivery.model.js";

export { DeliveryDeferred };

/** What to send. Texts may be any length; they are split at line breaks into several messages. */
export type OutboundMessage =
  | { text: string; keyboard?: InlineKeyboardMarkup }
  | { photo: () => InputFile | Promise<InputFile>; caption: string; text?: string; keyboard?: InlineKeyboardMarkup }
  | { document: () => InputFile | Promise<InputFile>; caption?: string; keyboard?: InlineKeyboardMarkup };

export interface OutboundRequest {
  /** What this message is, e.g. `rotation.notice:<run>:<member>`: the same key is never sent twice. */
  key: string;
  chatId: number;
  teamId?: Types.ObjectId | string | null;
  /** For queries and logs: "rotation.notice", "follow-up.reminder"… */
  kind: string;
  message: OutboundMessage;
}

/** Final outcomes. `sent`: Telegram accepted every part. */
export type DeliveryOutcome = Exclude<DeliveryStatus, "pending">;

export interface OutboundOptions {
  api: Api;
  logger: Logger;
  clock: Clock;
  /** Publishes the retry of a deferred message (`sendSoon`). */
  jobs: JobQueue;
  /** Called once when Telegram says the user blocked the bot (403): users, consent ledger… */
  onBlocked?: (chatId: number, at: Date) => Promise<void>;
  /** How long one sender may hold a message before another may take over (crash safety). */
  leaseMs?: number;
}

const LEASE_MS = 2 * 60 * 1000;

/**
 * The one outbound path: every message sent outside an update goes through
 * here. Team notices are at-least-once: the record turns `sent` only after
 * Telegram accepted the message; a 429 longer than the in-process wait, a 5xx
 * or a network error leaves it `pending` and throws `DeliveryDeferred`, so the
 * calling job fails and Agenda retries it with backoff, and the retry sends
 * only the parts not yet delivered. A 403 marks the user blocked; "chat not
 * found" is recorded as undeliverable; both are final, logged once, and do not
 * stop the job's other recipients.
 *
 * (Client broadcasts promise at-most-once instead and keep their own
 * per-recipient records; they reuse only the error classification.)
 */
export class Outbound {
  private readonly leaseMs: number;
  private readonly owner = randomBytes(6).toString("hex");

  constructor(private readonly opts: OutboundOptions) {
    this.leaseMs = opts.leaseMs ?? LEASE_MS;
  }

  /**
   * Sends the message once per key. Returns the final outcome (also when it was
   * reached earlier); throws `DeliveryDeferred` when it must be retried later.
   */
  async send(req: OutboundRequest): Promise<DeliveryOutcome> {
    const parts = planParts(req.message);
    const now = this.opts.clock.now();
    const existing = await Delivery.findOneAndUpdate(
      { _id: req.key },
      {
        $setOnInsert: {
          teamId: req.teamId ?? null,
          chatId: req.chatId,
          kind: req.kind,
          status: "pending",
          parts: parts.map(({ file: _file, ...stored }) => stored),
          partsSent: 0,
          messageIds: [],
          attempts: 0,
          lastError: null,
          leaseUntil: null,
          leaseOwner: null,
          createdAt: now,
          doneAt: null,
        },
      },
      { upsert: true, returnDocument: "after" },
    ).lean();
    if (existing!.status !== "pending") return existing!.status;
    return this.deliver(existing!, parts);
  }

  /**
   * Sends to many recipients (a run's notices, a team's statements): one
   * recipient's trouble never stops the others. If any message was deferred,
   * the first deferral is thrown at the end, so the job is retried and the
   * retry sends only what is still pending.
   */
  async sendAll(requests: Iterable<OutboundRequest>): Promise<Map<string, DeliveryOutcome>> {
    const outcomes = new Map<string, DeliveryOutcome>();
    let deferred: DeliveryDeferred | undefined;
    for (const req of requests) {
      try {
        outcomes.set(req.key, await this.send(req));
      } catch (err) {
        if (!(err instanceof DeliveryDeferred)) throw err;
        deferred ??= err;
      }
    }
    if (deferred) throw deferred;
    return outcomes;
  }

  /**
   * For handlers telling someone else (a director, a colleague): sends now, and
   * when Telegram asks to wait, hands the rest to the `outbound.retry` job
   * instead of holding the user's update.
   */
  async sendSoon(req: OutboundRequest): Promise<DeliveryOutcome | "deferred"> {
    try {
      return await this.send(req);
    } catch (err) {
      if (!(err instanceof DeliveryDeferred)) throw err;
      await this.opts.jobs.schedule("outbound.retry", err.retryAt, { key: req.key });
      return "deferred";
    }
  }

  /** Sends what is left of a recorded text message (the `outbound.retry` job). */
  async resume(key: string): Promise<DeliveryOutcome | "missing"> {
    const doc = await Delivery.findById(key).lean();
    if (!doc) return "missing";
    if (doc.status !== "pending") return doc.status;
    const rest = doc.parts.slice(doc.partsSent);
    if (rest.some((p) => p.type !== "text")) {
      // Photos and files are made again by the job that owns them; it will call send() with the same key.
      this.opts.logger.warn({ key, kind: doc.kind }, "pending delivery with a file part is left to its own job");
      return "failed";
    }
    return this.deliver(doc, doc.parts);
  }

  /** Recorded deliveries to one chat of a team, newest first: what was sent, when, and how it went. */
  static async history(teamId: Types.ObjectId, chatId: number, limit = 50): Promise<DeliveryDoc[]> {
    return Delivery.find({ teamId, chatId }).sort({ createdAt: -1 }).limit(limit).lean();
  }

  /** Keys of text messages still pending since before `before` (a lost retry job): the team clock re-enqueues them. */
  static async stalePending(before: Date, limit = 100): Promise<string[]> {
    const docs = await Delivery.find({ status: "pending", createdAt: { $lt: before } }, { _id: 1 }).sort({ createdAt: 1 }).limit(limit).lean();
    return docs.map((d) => d._id);
  }

  private async deliver(doc: DeliveryDoc, parts: PlannedPart[]): Promise<DeliveryOutcome> {
    const { api, logger, clock } = this.opts;
    const log = logger.child({ key: doc._id, kind: doc.kind, chatId: doc.chatId });
    // Leases and retry times are about real processes, so real time, not the business clock.
    const now = new Date();
    // The lease: one sender at a time; a crashed sender's lease runs out and another takes over.
    const claimed = await Delivery.findOneAndUpdate(
      { _id: doc._id, status: "pending", $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }] },
      { $set: { leaseUntil: new Date(now.getTime() + this.leaseMs), leaseOwner: this.owner }, $inc: { attempts: 1 } },
      { returnDocument: "after" },
    ).lean();
    if (!claimed) {
      const current = await Delivery.findById(doc._id, { status: 1 }).lean();
      if (current && current.status !== "pending") return current.status;
      throw new DeliveryDeferred("another sender holds this message", new Date(now.getTime() + 30_000));
    }

    for (let i = claimed.partsSent; i < parts.length; i++) {
      const part = parts[i]!;
      try {
        const sent = await sendPart(api, doc.chatId, part);
        await Delivery.updateOne({ _id: doc._id, partsSent: i }, { $set: { partsSent: i + 1 }, $push: { messageIds: sent.message_id } });
      } catch (err) {
        const verdict = classifySendError(err, new Date());
        if (verdict.kind === "deferred") {
          await Delivery.updateOne({ _id: doc._id }, { $set: { leaseUntil: null, lastError: verdict.reason } });
          log.warn({ reason: verdict.reason, retryAt: verdict.retryAt, part: i }, "delivery deferred");
          throw new DeliveryDeferred(verdict.reason, verdict.retryAt);
        }
        await this.finish(doc._id, verdict.status, verdict.reason);
        if (verdict.status === "blocked") {
          log.info("recipient blocked the bot");
          await this.opts.onBlocked?.(doc.chatId, clock.now());
        } else if (verdict.status === "undeliverable") {
          log.warn({ reason: verdict.reason }, "recipient's chat cannot be reached; message dropped");
        } else {
          log.error({ err }, "delivery failed");
        }
        return verdict.status;
      }
    }
    await this.finish(doc._id, "sent", null);
    log.debug({ parts: parts.length }, "delivered");
    return "sent";
  }

  private async finish(key: string, status: DeliveryOutcome, error: string | null): Promise<void> {
    await Delivery.updateOne({ _id: key }, { $set: { status, lastError: error, leaseUntil: null, leaseOwner: null, doneAt: this.opts.clock.now() } });
  }
}

interface PlannedPart extends StoredPart {
  file?: () => InputFile | Promise<InputFile>;
}

/** A message as the parts Telegram will get: every text within 4,096, captions within 1,024, buttons on the last. */
export function planParts(message: OutboundMessage): PlannedPart[] {
  const parts: PlannedPart[] = [];
  const texts = (text: string | undefined) => {
    if (text) for (const piece of splitText(text)) parts.push({ type: "text", text: piece, replyMarkup: null });
  };
  if ("photo" in message || "document" in message) {
    const { caption, rest } = fitCaption(message.caption ?? "");
    if ("photo" in message) parts.push({ type: "photo", text: caption, replyMarkup: null, file: message.photo });
    else parts.push({ type: "document", text: caption, replyMarkup: null, file: message.document });
    texts(rest ?? undefined);
    if ("text" in message) texts(message.text);
  } else {
    texts(message.text);
  }
  if (message.keyboard) parts[parts.length - 1]!.replyMarkup = JSON.stringify(message.keyboard);
  return parts;
}

async function sendPart(api: Api, chatId: number, part: PlannedPart): Promise<{ message_id: number }> {
  const reply_markup = part.replyMarkup ? (JSON.parse(part.replyMarkup) as InlineKeyboardMarkup) : undefined;
  if (part.type === "text") return api.sendMessage(chatId, part.text ?? " ", { reply_markup, link_preview_options: { is_disabled: true } });
  if (!part.file) throw new Error("a file part needs its file");
  const file = await part.file();
  const caption = part.text || undefined;
  return part.type === "photo" ? api.sendPhoto(chatId, file, { caption, reply_markup }) : api.sendDocument(chatId, file, { caption, reply_markup });
}

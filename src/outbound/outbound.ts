import { randomBytes } from "node:crypto";
import { InputFile, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Types } from "mongoose";
import type { Logger } from "../logger.js";
import type { JobQueue } from "../queue/job-queue.js";
import type { Clock } from "../shared/clock.js";
import { fitCaption, splitText } from "../telegram/limits.js";
import { classifySendError, DeliveryDeferred, UnreadableFile } from "./errors.js";
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
    const record = await this.record(req, parts, now);
    if (record.status !== "pending") return record.status;
    return this.deliver(record, withFiles(record.parts, parts));
  }

  /** The message's record, created on the first call; later calls (a retry, a second sender) get the same one. */
  private async record(req: OutboundRequest, parts: PlannedPart[], now: Date): Promise<DeliveryDoc> {
    const upsert = () =>
      Delivery.findOneAndUpdate(
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
    try {
      return (await upsert())!;
    } catch (err) {
      // Two senders inserting the same key at once: one insert wins, the other reads it.
      if ((err as { code?: number }).code !== 11000) throw err;
      return (await upsert())!;
    }
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
    // The retry job sends from the record alone, which holds texts but not files.
    if ("photo" in req.message || "document" in req.message) throw new Error(`sendSoon sends texts only (${req.kind})`);
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

  /**
   * Gives up on a message still pending (its retry job ran out of attempts):
   * recorded as `failed`, logged once. Returns false when it was no longer pending.
   */
  async abandon(key: string, reason: string): Promise<boolean> {
    const doc = await Delivery.findOneAndUpdate(
      { _id: key, status: "pending" },
      { $set: { status: "failed", lastError: reason, leaseUntil: null, leaseOwner: null, doneAt: this.opts.clock.now() } },
      { returnDocument: "after" },
    ).lean();
    if (!doc) return false;
    this.opts.logger.error({ key, kind: doc.kind, chatId: doc.chatId, partsSent: doc.partsSent, reason }, "delivery abandoned after its retries");
    return true;
  }

  /** Recorded deliveries to one chat of a team, newest first: what was sent, when, and how it went. */
  static async history(teamId: Types.ObjectId, chatId: number, limit = 50): Promise<DeliveryDoc[]> {
    return Delivery.find({ teamId, chatId }).sort({ createdAt: -1 }).limit(limit).lean();
  }

  /** Keys of text messages still pending since before `before` (a lost retry job): the team clock re-enqueues them. */
  static async stalePending(before: Date, limit = 100): Promise<string[]> {
    const docs = await Delivery.find({ status: "pending", createdAt: { $lt: before } }, { _id: 1, parts: 1 })
      .sort({ createdAt: 1 })
      .limit(limit)
      .lean();
    // Messages with a photo or file cannot be re-made from the record: their own job retries them.
    return docs.filter((d) => d.parts.every((p) => p.type === "text")).map((d) => d._id);
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
      const current = await Delivery.findById(doc._id, { status: 1, leaseUntil: 1 }).lean();
      if (current && current.status !== "pending") return current.status;
      const until = current?.leaseUntil?.getTime() ?? now.getTime();
      throw new DeliveryDeferred("another sender holds this message", new Date(Math.max(until, now.getTime() + 1000)));
    }

    const mine = { _id: doc._id, status: "pending" as const, leaseOwner: this.owner };
    // A part may take long (a 429 waited out in-process, retries): the lease is renewed meanwhile,
    // so no other sender takes over a live one and sends the same part again.
    const renew = setInterval(() => {
      Delivery.updateOne(mine, { $set: { leaseUntil: new Date(Date.now() + this.leaseMs) } }).catch((err: unknown) =>
        log.warn({ err }, "could not renew the delivery lease"),
      );
    }, Math.max(250, this.leaseMs / 3));
    renew.unref();
    let finished = false;
    try {
      for (let i = claimed.partsSent; i < parts.length; i++) {
        const part = parts[i]!;
        let sent: { message_id: number };
        try {
          sent = await sendPart(api, doc.chatId, part);
        } catch (err) {
          const verdict = classifySendError(err, new Date());
          if (verdict.kind === "deferred") {
            await Delivery.updateOne(mine, { $set: { leaseUntil: null, leaseOwner: null, lastError: verdict.reason } });
            finished = true;
            log.warn({ reason: verdict.reason, retryAt: verdict.retryAt, part: i, parts: parts.length }, "delivery deferred");
            throw new DeliveryDeferred(verdict.reason, verdict.retryAt);
          }
          await this.finish(doc._id, verdict.status, verdict.reason);
          finished = true;
          if (verdict.status === "blocked") {
            log.info({ reason: verdict.reason }, "recipient blocked the bot");
            await this.opts.onBlocked?.(doc.chatId, clock.now());
          } else if (verdict.status === "undeliverable") {
            log.warn({ reason: verdict.reason }, "recipient's chat cannot be reached; message dropped");
          } else {
            log.error({ err, reason: verdict.reason }, "delivery failed");
          }
          return verdict.status;
        }
        const progressed = await Delivery.updateOne(
          { ...mine, partsSent: i },
          { $set: { partsSent: i + 1, leaseUntil: new Date(Date.now() + this.leaseMs) }, $push: { messageIds: sent.message_id } },
        );
        if (progressed.matchedCount === 0) {
          // Our lease ran out (this process stalled) and another sender took over: it carries on from its record.
          finished = true;
          log.warn({ part: i }, "lost the delivery lease to another sender");
          throw new DeliveryDeferred("another sender took over this message", new Date(Date.now() + 30_000));
        }
      }
      await this.finish(doc._id, "sent", null);
      finished = true;
      log.debug({ parts: parts.length }, "delivered");
      return "sent";
    } finally {
      clearInterval(renew);
      // Anything unexpected (a bug, the database): leave the message pending for the next attempt, not leased for minutes.
      if (!finished) await Delivery.updateOne(mine, { $set: { leaseUntil: null, leaseOwner: null } }).catch(() => undefined);
    }
  }

  private async finish(key: string, status: DeliveryOutcome, error: string | null): Promise<void> {
    await Delivery.updateOne({ _id: key }, { $set: { status, lastError: error, leaseUntil: null, leaseOwner: null, doneAt: this.opts.clock.now() } });
  }
}

interface PlannedPart extends StoredPart {
  file?: () => InputFile | Promise<InputFile>;
}

/**
 * The recorded parts (what was planned on the first attempt, so a retry never
 * re-splits a text differently) with the files of this attempt's plan.
 */
function withFiles(stored: StoredPart[], planned: PlannedPart[]): PlannedPart[] {
  return stored.map((part, i) => {
    const file = planned[i]?.type === part.type ? planned[i].file : undefined;
    return file ? { ...part, file } : part;
  });
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
  const file = await readFile(part.file);
  const caption = part.text || undefined;
  return part.type === "photo" ? api.sendPhoto(chatId, file, { caption, reply_markup }) : api.sendDocument(chatId, file, { caption, reply_markup });
}

/**
 * The file's bytes, read before the upload starts. An InputFile made from a
 * stream can be read once, but auto-retry sends the same request again after a
 * 429 or 5xx; and a file that cannot be read would otherwise surface as a
 * network error, retried until the deadline and then forever by the job.
 * Baton's files (exports, charts) are small, so holding them is cheap.
 */
async function readFile(make: () => InputFile | Promise<InputFile>): Promise<InputFile> {
  try {
    const file = await make();
    const raw = await file.toRaw();
    if (raw instanceof Uint8Array) return new InputFile(raw, file.filename);
    const chunks: Uint8Array[] = [];
    for await (const chunk of raw) chunks.push(chunk);
    return new InputFile(Buffer.concat(chunks), file.filename);
  } catch (err) {
    throw new UnreadableFile(err);
  }
}

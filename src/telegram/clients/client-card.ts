import { InlineKeyboard } from "grammy";
import type { ClientEventDoc } from "../../clients/client-event.model.js";
import type { ClientDoc } from "../../clients/client.model.js";
import type { Page } from "../../clients/queries.js";
import type { Translate } from "../../i18n/i18n.js";
import { NEVER_ROTATES } from "../../rotation/from-documents.js";
import dayjs from "../../shared/dayjs.js";
import { formatAmount } from "../../shared/parse/amount.js";
import { clientDealsButton, logDealButton } from "../deals/callbacks.js";

const DAY_MS = 24 * 3600 * 1000;
const SNIPPET = 200;
const EMOJI: Record<ClientEventDoc["kind"], string> = {
  call: "📞",
  meeting: "🤝",
  message: "💬",
  email: "✉️",
  note: "📝",
  created: "🆕",
  deal: "💰",
  edited: "✏️",
  owner: "🔁",
  lost: "❌",
  reactivated: "↩️",
};

const clip = (text: string) => (text.length > SNIPPET ? text.slice(0, SNIPPET - 1) + "…" : text);

/** "in 42 days" / "due now" / "does not rotate", for lists and cards. */
export function rotationLabel(t: Translate, dueAt: Date | null, now: Date): string {
  if (!dueAt || dueAt.getTime() >= NEVER_ROTATES.getTime()) return t("rotation-never");
  const days = Math.ceil((dueAt.getTime() - now.getTime()) / DAY_MS);
  return days <= 0 ? t("rotation-due-now") : t("rotation-in-days", { days });
}

export interface CardView {
  client: ClientDoc;
  ownerName: string | null;
  timeline: Page<ClientEventDoc>;
  /** Member id → name, for the people in this page of history. */
  names: ReadonlyMap<string, string>;
  now: Date;
  timezone: string;
  currency: string;
  language: string;
  reportDue: boolean;
}

function eventLine(t: Translate, e: ClientEventDoc, v: CardView): string {
  const when = dayjs(e.at).tz(v.timezone).format("DD.MM.YY HH:mm");
  const who = e.actorId ? (v.names.get(String(e.actorId)) ?? "?") : t("history-system");
  const head = `${when} ${EMOJI[e.kind]} `;
  switch (e.kind) {
    case "deal":
      return head + t("history-deal", { amount: formatAmount(e.amountMinor ?? 0, v.currency, v.language), who }) + (e.text ? `: ${clip(e.text)}` : "");
    case "created":
      return head + t("history-created", { who });
    case "edited":
      return head + t("history-edited", { who, field: t(`field-${String(e.data?.field)}`), to: clip(String(e.data?.to ?? "")) });
    case "owner": {
      const name = (id: unknown) => (id ? (v.names.get(String(id)) ?? "?") : t("free-pool"));
      return head + t("history-owner", { from: name(e.data?.fromId), to: name(e.data?.toId), reason: t(`reason-${String(e.data?.reason)}`) });
    }
    case "lost":
      return head + t("history-lost", { who, reason: clip(e.text ?? "") });
    case "reactivated":
      return head + t("history-reactivated", { who });
    default: {
      const followUp =
        e.followUpAt && e.followUpState !== "done" ? " " + t("history-follow-up", { when: dayjs(e.followUpAt).tz(v.timezone).format("DD.MM HH:mm") }) : "";
      return head + `${t(`contact-kind-${e.kind}`)} · ${who}: ${clip(e.text ?? "")}${followUp}`;
    }
  }
}

/** The client card: details, owner, days until rotation, a page of history, and what one can do next. */
export function renderClientCard(t: Translate, v: CardView): { text: string; keyboard: InlineKeyboard } {
  const c = v.client;
  const date = (d: Date | null | undefined) => (d ? dayjs(d).tz(v.timezone).format("DD.MM.YYYY") : "—");
  const lines = [
    `${c.name} (${t(`client-kind-${c.kind}`)}${c.keyAccount ? " · " + t("client-key-account") : ""}${c.pinned ? " · 📌" : ""})`,
    t("card-owner", { owner: v.ownerName ?? t("free-pool") }) + " · " + rotationLabel(t, c.rotationDueAt, v.now),
  ];
  if (c.status === "lost") lines.push(t("card-lost", { reason: c.lostReason ?? "—" }));
  if (c.phones.length) lines.push(`📞 ${c.phones.join(", ")}`);
  if (c.email) lines.push(`✉️ ${c.email}`);
  if (c.contactPerson) lines.push(t("card-contact", { name: c.contactPerson }));
  if (c.source) lines.push(t("card-source", { source: c.source }));
  lines.push(t("card-deals", { count: c.dealCount, first: date(c.firstDealAt), last: date(c.lastDealAt) }));
  if (c.notes) lines.push(t("card-notes", { notes: clip(c.notes) }));
  lines.push("", t("card-history", { page: v.timeline.page + 1 }));
  lines.push(...(v.timeline.items.length ? v.timeline.items.map((e) => eventLine(t, e, v)) : [t("card-history-empty")]));

  const id = String(c._id);
  const kb = new InlineKeyboard();
  if (v.timeline.page > 0) kb.text("◀", `cl:v:${id}:${v.timeline.page - 1}`);
  if (v.timeline.hasMore) kb.text("▶", `cl:v:${id}:${v.timeline.page + 1}`);
  kb.row();
  if (c.status === "active" && c.ownerId) kb.text(t("btn-log-contact"), `cl:c:${id}`).text(t("btn-log-deal"), logDealButton.pack({ clientId: id })).row();
  if (c.dealCount > 0) kb.text(t("btn-deals"), clientDealsButton.pack({ clientId: id }));
  if (v.reportDue) kb.text(t("btn-report"), `rr:${id}`);
  kb.row();
  kb.text(t("btn-edit"), `cl:e:${id}`);
  kb.text(c.status === "active" ? t("btn-mark-lost") : t("btn-reactivate"), c.status === "active" ? `cl:L:${id}` : `cl:R:${id}`).row();
  kb.text(t("btn-my-clients"), "cl:l:active:0");
  return { text: lines.join("\n"), keyboard: kb };
}

import { InlineKeyboard } from "grammy";
import type { Translate } from "../../i18n/i18n.js";
import dayjs from "../../shared/dayjs.js";
import { LEVELS, ROLES, type MemberDoc } from "../../teams/member.model.js";
import type { TeamDoc } from "../../teams/team.model.js";
import { buttonLabel } from "../limits.js";
import {
  deactivateButton,
  deactivateConfirmButton,
  inviteLevelButton,
  inviteRoleButton,
  memberCardButton,
  memberLevelButton,
  memberListButton,
} from "./callbacks.js";

export interface View {
  text: string;
  keyboard?: InlineKeyboard;
}

/** Members per page of /team: well inside Telegram's 100 buttons, and a screenful on a phone. */
export const MEMBERS_PER_PAGE = 20;

const memberLine = (t: Translate, m: MemberDoc) =>
  t(m.active ? "team-member-line" : "team-member-line-inactive", { name: m.name, role: t(`role-${m.role}`), level: m.level });

/** /team: the members, a page at a time, each a button to the member's card. */
export function memberListView(t: Translate, team: TeamDoc, members: MemberDoc[], page: number): View {
  const pages = Math.max(1, Math.ceil(members.length / MEMBERS_PER_PAGE));
  const current = Math.min(Math.max(page, 0), pages - 1);
  const keyboard = new InlineKeyboard();
  for (const m of members.slice(current * MEMBERS_PER_PAGE, (current + 1) * MEMBERS_PER_PAGE)) {
    keyboard.text(buttonLabel(memberLine(t, m)), memberCardButton.pack({ memberId: String(m._id) })).row();
  }
  if (current > 0) keyboard.text("◀", memberListButton.pack({ page: current - 1 }));
  if (current < pages - 1) keyboard.text("▶", memberListButton.pack({ page: current + 1 }));
  const active = members.filter((m) => m.active).length;
  const text = t("team-list", { team: team.name, count: active }) + (pages > 1 ? `\n${t("page-of", { page: current + 1, pages })}` : "");
  return { text, keyboard };
}

/** A member's card: level buttons (managers), deactivation (active managers), back. */
export function memberCardView(t: Translate, team: TeamDoc, m: MemberDoc): View {
  const keyboard = new InlineKeyboard();
  if (m.active && m.role === "manager") {
    for (const level of LEVELS) {
      keyboard.text(level === m.level ? `• ${level} •` : String(level), memberLevelButton.pack({ memberId: String(m._id), level: String(level) }));
    }
    keyboard.row().text(t("btn-deactivate"), deactivateButton.pack({ memberId: String(m._id) })).row();
  }
  keyboard.text(t("btn-back"), memberListButton.pack({ page: 0 }));
  const text = t("team-member-card", {
    name: m.name,
    role: t(`role-${m.role}`),
    level: m.level,
    status: t(m.active ? "member-active" : "member-inactive"),
    joined: dayjs(m.joinedAt).tz(team.timezone).format("DD.MM.YYYY"),
  });
  return { text, keyboard };
}

export function deactivateConfirmView(t: Translate, m: MemberDoc): View {
  const keyboard = new InlineKeyboard()
    .text(t("btn-deactivate-confirm"), deactivateConfirmButton.pack({ memberId: String(m._id) }))
    .row()
    .text(t("btn-back"), memberCardButton.pack({ memberId: String(m._id) }));
  return { text: t("team-deactivate-confirm", { name: m.name }), keyboard };
}

export function inviteRoleView(t: Translate): View {
  const keyboard = new InlineKeyboard();
  for (const role of ROLES) keyboard.text(t(`role-${role}`), inviteRoleButton.pack({ role }));
  return { text: t("invite-ask-role"), keyboard };
}

export function inviteLevelView(t: Translate, role: (typeof ROLES)[number]): View {
  const keyboard = new InlineKeyboard();
  for (const level of LEVELS) keyboard.text(String(level), inviteLevelButton.pack({ role, level: String(level) }));
  return { text: t("invite-ask-level", { role: t(`role-${role}`) }), keyboard };
}

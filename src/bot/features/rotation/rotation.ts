import { Composer, InlineKeyboard } from "grammy";
import { actorOf } from "../../access.js";
import { ROTATION_REPORT } from "../../../../scenes/rotation/report.js";
import { NUMERIC_SETTINGS, ROTATION_SETTING, type NumericSetting } from "../../../../scenes/rotation/setting.js";
import { ROTATION_RECOMPUTE_JOB } from "../../../../jobs/rotation-recompute.js";
import { ROTATION_RUN_JOB, type RotationRunJobData } from "../../../../jobs/rotation-run.js";
import { Client } from "../../../clients/client.model.js";
import { previewRotation } from "../../../rotation/run-rotation.js";
import { nightlyRunId } from "../../../rotation/run-ids.js";
import { RotationRun } from "../../../rotation/rotation-run.model.js";
import { pendingReports } from "../../../rotation/reports.js";
import dayjs from "../../../shared/dayjs.js";
import { Member } from "../../../teams/member.model.js";
import { updateTeamSettings } from "../../../teams/settings.js";
import type { TeamDoc } from "../../../teams/team.model.js";
import type { RotationSettings } from "../../../teams/team-settings.js";
import type { BotContext, BotDeps } from "../../../telegram/context.js";
import { membershipOf, requireRole } from "../../access.js";
import { showInPlace } from "../../ui.js";
import { noteLine } from "../../../telegram/rotation/views.js";

const PREVIEW_LINES = 15;
const TOGGLES = ["enabled", "neverBoughtEnabled", "lapsedEnabled"] as const;

/**
 * /rotation (directors): settings, a preview of the next nightly run (the
 * same plan it will make if nothing changes), run now after confirmation,
 * history. Plus the report entry point for managers (`rr:` buttons, /reports).
 */
export function rotationFeature(deps: BotDeps): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const directors = requireRole("director");
  const members = requireRole("manager", "director");

  const onOff = (ctx: BotContext, on: boolean) => ctx.t(on ? "setting-on" : "setting-off");
  function settingsText(ctx: BotContext, s: RotationSettings) {
    return ctx.t("rotation-settings", {
      enabled: onOff(ctx, s.enabled),
      neverBought: onOff(ctx, s.neverBoughtEnabled),
      neverBoughtMonths: s.neverBoughtMonths,
      lapsed: onOff(ctx, s.lapsedEnabled),
      lapsedMonths: s.lapsedMonths,
      reportDays: s.reportDays,
      runAt: s.runAt,
    });
  }
  const menu = (ctx: BotContext) =>
    new InlineKeyboard()
      .text(ctx.t("btn-rotation-preview"), "rot:p")
      .row()
      .text(ctx.t("btn-rotation-settings"), "rot:s")
      .text(ctx.t("btn-rotation-history"), "rot:h");

  composer.command("rotation", directors, async (ctx) => {
    const { team } = membershipOf(ctx);
    await ctx.reply(settingsText(ctx, team.settings.rotation), { reply_markup: menu(ctx) });
  });
  composer.callbackQuery("rot:m", directors, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, settingsText(ctx, membershipOf(ctx).team.settings.rotation), menu(ctx));
  });

  /** The id the next nightly run will have, so the preview shows exactly that plan. */
  function nextNightly(team: TeamDoc, now: Date): { runId: string; date: string } {
    const local = dayjs(now).tz(team.timezone);
    const today = local.format("YYYY-MM-DD");
    const runAtToday = dayjs.tz(`${today}T${team.settings.rotation.runAt}:00`, team.timezone);
    const day = now < runAtToday.toDate() ? today : local.add(1, "day").format("YYYY-MM-DD");
    return { runId: nightlyRunId(team._id, day), date: `${day.split("-").reverse().join(".")} ${team.settings.rotation.runAt}` };
  }

  composer.callbackQuery("rot:p", directors, async (ctx) => {
    const { team } = membershipOf(ctx);
    const now = deps.clock.now();
    const next = nextNightly(team, now);
    const plan = await previewRotation(team, next.runId, now);
    const shown = plan.moves.slice(0, PREVIEW_LINES);
    const [clients, people] = await Promise.all([
      Client.find({ _id: { $in: shown.map((m) => m.clientId) } }, { name: 1 }).lean(),
      Member.find({ teamId: team._id }, { name: 1 }).lean(),
    ]);
    const clientName = new Map(clients.map((c) => [String(c._id), c.name]));
    const names = new Map(people.map((m) => [String(m._id), m.name]));
    const lines = [ctx.t("rotation-preview-title", { date: next.date, count: plan.moves.length })];
    for (const m of shown) {
      lines.push(
        ctx.t("rotation-preview-line", {
          client: clientName.get(m.clientId) ?? "?",
          from: m.fromId ? (names.get(m.fromId) ?? "?") : ctx.t("free-pool"),
          to: names.get(m.toId) ?? "?",
          reason: ctx.t(`reason-${m.reason}`),
        }),
      );
    }
    if (plan.moves.length > PREVIEW_LINES) lines.push(ctx.t("rotation-more", { count: plan.moves.length - PREVIEW_LINES }));
    const tallies = Object.entries(plan.perManager).filter(([, t]) => t.gave + t.received > 0);
    if (tallies.length) {
      lines.push("");
      for (const [id, t] of tallies) {
        lines.push(ctx.t(t.imbalance === 0 ? "rotation-tally-even" : "rotation-tally-uneven", { name: names.get(id) ?? "?", ...t, imbalance: t.imbalance > 0 ? `+${t.imbalance}` : String(t.imbalance) }));
      }
    }
    for (const note of plan.notes) if (note.code !== "duplicate-ids") lines.push("• " + noteLine(ctx.t, note, names));
    const nonce = now.getTime().toString(36);
    const kb = new InlineKeyboard();
    if (plan.moves.length > 0) kb.text(ctx.t("btn-rotation-run-now"), `rot:c:${nonce}`).row();
    kb.text(ctx.t("btn-back"), "rot:m");
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, lines.join("\n"), kb);
  });

  composer.callbackQuery(/^rot:c:([0-9a-z]+)$/, directors, async (ctx) => {
    await ctx.answerCallbackQuery();
    const kb = new InlineKeyboard().text(ctx.t("btn-rotation-run-confirm"), `rot:go:${ctx.match[1]}`).row().text(ctx.t("btn-back"), "rot:p");
    await showInPlace(ctx, ctx.t("rotation-run-confirm"), kb);
  });

  // The nonce comes from the preview shown, so a double tap starts one run, not two.
  composer.callbackQuery(/^rot:go:([0-9a-z]+)$/, directors, async (ctx) => {
    const { team } = membershipOf(ctx);
    const runId = `${team._id}:manual:${ctx.match[1]}`;
    const data: RotationRunJobData = { teamId: String(team._id), runId, kind: "manual", requestedBy: ctx.from.id };
    await deps.jobs.enqueue(ROTATION_RUN_JOB, data);
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, ctx.t("rotation-run-started"));
  });

  composer.callbackQuery("rot:h", directors, async (ctx) => {
    const { team } = membershipOf(ctx);
    const runs = await RotationRun.find({ teamId: team._id }, { kind: 1, plannedAt: 1, moves: 1, skipped: 1, unplacedCount: 1 }).sort({ plannedAt: -1 }).limit(10).lean();
    const lines = [ctx.t("rotation-history-title")];
    for (const r of runs) {
      lines.push(
        ctx.t("rotation-history-line", {
          date: dayjs(r.plannedAt).tz(team.timezone).format("DD.MM.YYYY HH:mm"),
          kind: ctx.t(`rotation-kind-${r.kind}`),
          moved: r.moves.length - r.skipped.length,
          skipped: r.skipped.length,
        }),
      );
    }
    if (runs.length === 0) lines.push(ctx.t("rotation-history-empty"));
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, lines.join("\n"), new InlineKeyboard().text(ctx.t("btn-back"), "rot:m"));
  });

  function settingsKeyboard(ctx: BotContext, s: RotationSettings) {
    const kb = new InlineKeyboard();
    for (const key of TOGGLES) kb.text(`${ctx.t(`rotation-setting-${key}`)}: ${onOff(ctx, s[key])}`, `rot:t:${key}`).row();
    for (const key of NUMERIC_SETTINGS) kb.text(`${ctx.t(`rotation-setting-${key}`)}: ${s[key]}`, `rot:n:${key}`).row();
    return kb.text(ctx.t("btn-back"), "rot:m");
  }

  composer.callbackQuery("rot:s", directors, async (ctx) => {
    const { team } = membershipOf(ctx);
    await ctx.answerCallbackQuery();
    await showInPlace(ctx, settingsText(ctx, team.settings.rotation), settingsKeyboard(ctx, team.settings.rotation));
  });

  composer.callbackQuery(/^rot:t:(\w+)$/, directors, async (ctx) => {
    const key = ctx.match[1] as (typeof TOGGLES)[number];
    if (!TOGGLES.includes(key)) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    const { team } = membershipOf(ctx);
    const result = await updateTeamSettings(team._id, "rotation", { [key]: !team.settings.rotation[key] });
    if (!result.ok) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    await deps.jobs.enqueue(ROTATION_RECOMPUTE_JOB, { teamId: String(team._id) });
    await ctx.answerCallbackQuery();
    const s = result.value.settings.rotation;
    await showInPlace(ctx, settingsText(ctx, s), settingsKeyboard(ctx, s));
  });

  composer.callbackQuery(/^rot:n:(\w+)$/, directors, async (ctx) => {
    const key = ctx.match[1] as NumericSetting;
    if (!NUMERIC_SETTINGS.includes(key)) return void (await ctx.answerCallbackQuery({ text: ctx.t("button-expired") }));
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(ROTATION_SETTING, actorOf(ctx), key);
  });

  // Reports: from a notice, a reminder or the card; the conversation re-checks ownership.
  composer.callbackQuery(/^rr:([0-9a-f]{24})$/, members, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(ROTATION_REPORT, actorOf(ctx), ctx.match[1]);
  });

  composer.command("reports", members, async (ctx) => {
    const { member, team } = membershipOf(ctx);
    const pending = await pendingReports(member._id);
    if (pending.length === 0) return void (await ctx.reply(ctx.t("reports-none")));
    const kb = new InlineKeyboard();
    for (const r of pending.slice(0, 20)) {
      kb.text(`${r.clientName} · ${dayjs(r.dueAt).tz(team.timezone).subtract(1, "minute").format("DD.MM")}`.slice(0, 60), `rr:${r.clientId}`).row();
    }
    await ctx.reply(ctx.t("reports-title", { count: pending.length }), { reply_markup: kb });
  });
  return composer;
}

import { Composer } from "grammy";
import { rotationReportScene } from "../../../../scenes/rotation/report.js";
import { rotationSettingScene } from "../../../../scenes/rotation/setting.js";
import type { BotContext } from "../../../telegram/context.js";
import type { BotFeature } from "../../feature.js";
import { reportHandlers } from "./reports.js";
import { runHandlers } from "./runs.js";
import { settingsHandlers } from "./settings.js";

/**
 * Rotation: the nightly run and manual runs (preview → confirm → run), the
 * rules, past runs, processing reports with their reminders, the handover of
 * a deactivated manager's clients.
 *
 *   domain     src/rotation/ (planner.ts: the pure planner; start-run.ts: preview, run now, tonight's run;
 *              run-team.ts: a run, end to end; settings.ts; reports.ts; history.ts; schedule.ts; run-ids.ts)
 *   views      src/telegram/rotation/ (callbacks.ts, views.ts: what people tap; messages.ts: what jobs send)
 *   scenes     scenes/rotation/ (setting.ts: a threshold; report.ts: the processing report)
 *   jobs       jobs/rotation/ (run.ts, recompute.ts, clock.ts: tonight's run and report reminders)
 *   locales    locales/<lang>/rotation.ftl
 */
export const rotationFeature: BotFeature = {
  name: "rotation",
  scenes: [rotationSettingScene, rotationReportScene],
  handlers: (deps) => new Composer<BotContext>().use(settingsHandlers(deps), runHandlers(deps), reportHandlers()),
};

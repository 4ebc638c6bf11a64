import { accrueDealLines, unaccruedDeals } from "../../src/bonuses/accrual.js";
import { resolveDueUplifts } from "../../src/bonuses/holdback.js";
import { Client } from "../../src/clients/client.model.js";
import { deliver } from "../../src/notify/deliver.js";
import dayjs from "../../src/shared/dayjs.js";
import { Member } from "../../src/teams/member.model.js";
import { Team } from "../../src/teams/team.model.js";
import { renderResolutions } from "../../src/telegram/bonuses/views.js";
import { languagesOf } from "../../src/users/users.js";
import type { ClockTask } from "../clock/clock-task.js";
import type { JobDeps } from "../runtime/deps.js";

/** Bonuses on the team clock: last month's statements on the 1st; holdbacks that ended; deals never accrued. */
export function bonusClock(deps: JobDeps): ClockTask {
  return {
    name: "bonuses",
    async perTeam(team, now) {
      const local = dayjs(now).tz(team.timezone);
      // Last month's statements, from the digest hour on the 1st (or later, if the workers were down).
      const statementsAt = dayjs.tz(`${local.format("YYYY-MM")}-01T${team.settings.digest.time}:00`, team.timezone).toDate();
      if (now < statementsAt || team.createdAt > statementsAt) return;
      await deps.jobs.enqueue("bonus.statements", { teamId: String(team._id), month: local.subtract(1, "month").format("YYYY-MM") });
    },
    async sweep(now) {
      await endHoldbacks(deps, now);
      // Deals whose "recorded" event never arrived (or whose accrual failed): accrued here, each on its own.
      for (const dealId of await unaccruedDeals(new Date(now.getTime() - 60_000))) {
        await accrueDealLines(dealId, now).catch((err: unknown) => deps.logger.error({ err, dealId: String(dealId) }, "bonus accrual failed"));
      }
    },
  };
}

/** Held uplifts whose holdback is over: released or forfeited, and each manager told what and why. */
async function endHoldbacks(deps: JobDeps, now: Date): Promise<void> {
  const resolved = await resolveDueUplifts(now);
  if (resolved.length === 0) return;
  const [members, clients, teams] = await Promise.all([
    Member.find({ _id: { $in: resolved.map((l) => l.managerId) } }, { telegramId: 1, active: 1 }).lean(),
    Client.find({ _id: { $in: resolved.map((l) => l.clientId) } }, { name: 1 }).lean(),
    Team.find({ _id: { $in: resolved.map((l) => l.teamId) } }, { currency: 1, timezone: 1 }).lean(),
  ]);
  const names = new Map(clients.map((c) => [String(c._id), c.name]));
  const team = new Map(teams.map((t) => [String(t._id), t]));
  const languages = await languagesOf(members.map((m) => m.telegramId), deps.config.DEFAULT_LANGUAGE);
  for (const m of members) {
    const lines = resolved.filter((l) => l.managerId.equals(m._id));
    const t = team.get(String(lines[0]!.teamId));
    if (!m.active || !t) continue;
    const language = languages.get(m.telegramId)!;
    const text = renderResolutions((k, v) => deps.i18n.t(language, k, v), lines, names, { currency: t.currency, language, timezone: t.timezone });
    await deliver(deps.api, deps.logger, m.telegramId, text);
  }
}

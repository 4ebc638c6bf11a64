import type { Agenda } from "agenda";
import { Types } from "mongoose";
import { Client } from "../src/clients/client.model.js";
import { releaseClientsToPool } from "../src/clients/ownership.js";
import { deliver } from "../src/notify/deliver.js";
import { Member } from "../src/teams/member.model.js";
import { languageOfUser } from "../src/users/users.js";
import type { JobDeps } from "./context.js";

export const RELEASE_CLIENTS_JOB = "member.release-clients";

export interface ReleaseClientsData {
  teamId: string;
  memberId: string;
  /** The director who deactivated the manager and hears how many clients moved. */
  notifyTelegramId: number;
}

/**
 * After a manager is deactivated, their clients go to the team's free pool.
 * Safe to run twice or on two workers: the move only matches clients still
 * owned by the manager, and the director is told once (guarded by a
 * conditional update on the member).
 */
export function defineReleaseMemberClients(agenda: Agenda, deps: JobDeps): void {
  agenda.define<ReleaseClientsData>(RELEASE_CLIENTS_JOB, async (job) => {
    const { teamId, memberId, notifyTelegramId } = job.attrs.data;
    const team = new Types.ObjectId(teamId);
    const member = new Types.ObjectId(memberId);
    const now = deps.clock.now();
    await releaseClientsToPool(team, member, now);

    const stillInactive = await Member.findOneAndUpdate(
      { _id: member, teamId: team, active: false, clientsReleasedAt: null },
      { $set: { clientsReleasedAt: now } },
      { returnDocument: "after" },
    ).lean();
    if (!stillInactive) return; // reactivated meanwhile, or already reported
    // Counted from the clients' history, so a rerun after a crash still reports the full number.
    const moved = await Client.countDocuments({
      teamId: team,
      ownerId: null,
      ownership: {
        $elemMatch: { fromId: member, reason: "manager-deactivated", at: { $gte: stillInactive.deactivatedAt } },
      },
    });
    const language = await languageOfUser(notifyTelegramId, deps.config.DEFAULT_LANGUAGE);
    await deliver(
      deps.api,
      deps.logger,
      notifyTelegramId,
      deps.i18n.t(language, "team-clients-released", { name: stillInactive.name, count: moved }),
    );
  });
}

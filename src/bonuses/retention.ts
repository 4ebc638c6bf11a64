import type { BonusPlan } from "../teams/team-settings.js";

export interface RetentionFacts {
  /** When the client was marked lost, if it is lost now. */
  lostAt: Date | null;
  /** All deal dates of the client. */
  dealDates: readonly Date[];
}

export type UpliftResolution = {
  status: "released" | "forfeited";
  reason: "retained" | "client-lost" | "no-repeat-deal";
};

/**
 * Whether a held uplift is paid at the end of its holdback (spec §4). Meant
 * to run at or after releaseAt, with the client's facts as they are then:
 * "not-lost" keeps the uplift unless the client was marked lost by releaseAt;
 * "repeat-deal" also asks for another deal after this one, up to releaseAt.
 * A lost client is reported as such even when a repeat deal is missing too.
 */
export function resolveUplift(
  line: { releaseAt: Date; dealDate: Date },
  retention: BonusPlan["retention"],
  facts: RetentionFacts,
): UpliftResolution {
  const releaseMs = line.releaseAt.getTime();
  if (facts.lostAt !== null && facts.lostAt.getTime() <= releaseMs) {
    return { status: "forfeited", reason: "client-lost" };
  }
  if (retention === "repeat-deal") {
    const dealMs = line.dealDate.getTime();
    const repeated = facts.dealDates.some((d) => d.getTime() > dealMs && d.getTime() <= releaseMs);
    if (!repeated) return { status: "forfeited", reason: "no-repeat-deal" };
  }
  return { status: "released", reason: "retained" };
}

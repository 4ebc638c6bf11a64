import type { BonusKind, BonusStatus } from "./calculator.js";

export interface StatementLine {
  kind: BonusKind;
  status: BonusStatus;
  amountMinor: number;
  payableMonth: string;
  releaseAt: Date | null;
  dealId: string;
  clientId: string;
  reason?: string;
}

export interface StatementSummary {
  /** Paid for the month: payable and released lines whose payableMonth is the month. */
  payableMinor: number;
  /** payableMinor split by kind. */
  byKind: Record<BonusKind, number>;
  /** Everything still held, whatever month it was earned in. */
  heldMinor: number;
  /** Uplift released in the month (already part of payableMinor). */
  releasedMinor: number;
  /** Uplift forfeited in the month, i.e. whose holdback ended in it. */
  forfeitedMinor: number;
  /** Held amounts by release instant, earliest first. */
  upcomingReleases: { releaseAt: Date; amountMinor: number }[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Totals for one manager's (or team's) statement of `month` from the lines as
 * they stand now. A resolved uplift keeps payableMonth = the month of its
 * release date, so released and forfeited amounts land in the month the
 * holdback ended, the way the spec's examples book them.
 */
export function summarizeStatement(lines: readonly StatementLine[], month: string): StatementSummary {
  if (!MONTH.test(month)) throw new RangeError(`month must be "YYYY-MM", got ${month}`);
  const byKind: Record<BonusKind, number> = { base: 0, uplift: 0, acquisition: 0 };
  let heldMinor = 0;
  let releasedMinor = 0;
  let forfeitedMinor = 0;
  const releases = new Map<number, number>();

  for (const line of lines) {
    if (line.status === "held") {
      heldMinor += line.amountMinor;
      if (line.releaseAt !== null) {
        const at = line.releaseAt.getTime();
        releases.set(at, (releases.get(at) ?? 0) + line.amountMinor);
      }
      continue;
    }
    if (line.payableMonth !== month) continue;
    if (line.status === "forfeited") {
      forfeitedMinor += line.amountMinor;
      continue;
    }
    if (line.status === "released") releasedMinor += line.amountMinor;
    byKind[line.kind] += line.amountMinor;
  }

  const upcomingReleases = [...releases.entries()]
    .sort(([a], [b]) => a - b)
    .map(([at, amountMinor]) => ({ releaseAt: new Date(at), amountMinor }));
  const payableMinor = byKind.base + byKind.uplift + byKind.acquisition;
  return { payableMinor, byKind, heldMinor, releasedMinor, forfeitedMinor, upcomingReleases };
}

import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { nextNightlyRun, nightlyRunDue, type ScheduledTeam } from "../../../src/rotation/schedule.js";

const team = (over: Partial<{ enabled: boolean; runAt: string; timezone: string; createdAt: Date }> = {}): ScheduledTeam => ({
  _id: new Types.ObjectId("65f000000000000000000001"),
  timezone: over.timezone ?? "Europe/Berlin",
  createdAt: over.createdAt ?? new Date("2025-01-01T00:00:00Z"),
  settings: { rotation: { enabled: over.enabled ?? true, runAt: over.runAt ?? "02:00" } },
});

/** One rule for "tonight's run": the preview names the run the clock will start. */
describe("the nightly schedule", () => {
  it("names today's run while its hour is ahead, tomorrow's after it", () => {
    const before = nextNightlyRun(team(), new Date("2026-11-25T00:30:00Z")); // 01:30 Berlin
    expect(before).toEqual({ runId: "65f000000000000000000001:2026-11-25", localDate: "2026-11-25", at: new Date("2026-11-25T01:00:00Z") });
    const after = nextNightlyRun(team(), new Date("2026-11-25T01:30:00Z")); // 02:30 Berlin
    expect(after.localDate).toBe("2026-11-26");
    expect(after.at).toEqual(new Date("2026-11-26T01:00:00Z"));
  });

  it("is due from its hour on (a late worker still runs it), never before, and not when rotation is off", () => {
    expect(nightlyRunDue(team(), new Date("2026-11-25T00:59:59Z"))).toBeNull();
    expect(nightlyRunDue(team(), new Date("2026-11-25T01:00:00Z"))?.runId).toBe("65f000000000000000000001:2026-11-25");
    expect(nightlyRunDue(team(), new Date("2026-11-25T22:00:00Z"))?.localDate).toBe("2026-11-25");
    expect(nightlyRunDue(team({ enabled: false }), new Date("2026-11-25T03:00:00Z"))).toBeNull();
  });

  it("lets a team created after tonight's hour wait for tomorrow", () => {
    const created = new Date("2026-11-25T10:00:00Z");
    expect(nightlyRunDue(team({ createdAt: created }), new Date("2026-11-25T12:00:00Z"))).toBeNull();
    expect(nightlyRunDue(team({ createdAt: created }), new Date("2026-11-26T01:30:00Z"))?.localDate).toBe("2026-11-26");
  });

  it("agrees with the clock: the run the preview names is the run that becomes due", () => {
    const t = team({ timezone: "Asia/Kolkata", runAt: "23:30" });
    for (const now of ["2026-03-01T10:00:00Z", "2026-03-01T18:30:00Z", "2026-03-01T17:59:00Z"].map((s) => new Date(s))) {
      const next = nextNightlyRun(t, now);
      expect(next.at.getTime()).toBeGreaterThan(now.getTime());
      expect(nightlyRunDue(t, next.at)?.runId).toBe(next.runId);
      expect(nightlyRunDue(t, new Date(next.at.getTime() - 1))?.runId).not.toBe(next.runId);
    }
  });

  it("keeps the local hour across a daylight-saving change", () => {
    // Berlin moves to summer time on 29.03.2026: 02:30 does not exist that night, 03:00 does.
    const t = team({ runAt: "03:00" });
    expect(nextNightlyRun(t, new Date("2026-03-28T12:00:00Z")).at).toEqual(new Date("2026-03-29T01:00:00Z"));
    expect(nextNightlyRun(t, new Date("2026-03-29T12:00:00Z")).at).toEqual(new Date("2026-03-30T01:00:00Z"));
  });
});

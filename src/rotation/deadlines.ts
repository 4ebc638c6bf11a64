import dayjs from "../shared/dayjs.js";

export interface ReportDeadlines {
  /** End of the due day in the team's timezone. */
  dueAt: Date;
  /** 09:00 team time the day before, and on the due day. */
  remindBeforeAt: Date;
  remindOnDayAt: Date;
}

const REMIND_HOUR = 9;

/** The processing report is due by the end of the day `reportDays` after the handover, team time. */
export function reportDeadlines(handedOverAt: Date, reportDays: number, timezone: string): ReportDeadlines {
  const dueDay = dayjs(handedOverAt).tz(timezone).startOf("day").add(reportDays, "day");
  const at = (day: dayjs.Dayjs, hour: number) => dayjs.tz(day.format("YYYY-MM-DD") + `T${String(hour).padStart(2, "0")}:00:00`, timezone).toDate();
  return {
    dueAt: dayjs.tz(dueDay.add(1, "day").format("YYYY-MM-DD") + "T00:00:00", timezone).toDate(),
    remindBeforeAt: at(dueDay.subtract(1, "day"), REMIND_HOUR),
    remindOnDayAt: at(dueDay, REMIND_HOUR),
  };
}

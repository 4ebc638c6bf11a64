import dayjs from "../../shared/dayjs.js";

/** A moment in the team's timezone, as Baton shows dates with times. */
export const dateTime = (at: Date, timezone: string): string => dayjs(at).tz(timezone).format("DD.MM.YYYY HH:mm");

/** The last day of a deadline that ends at midnight (`dueAt` is the start of the next day), team time. */
export const lastDay = (dueAt: Date, timezone: string, format = "DD.MM.YYYY"): string => dayjs(dueAt).tz(timezone).subtract(1, "minute").format(format);

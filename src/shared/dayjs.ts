import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";

// Times are stored in UTC and shown in the team's timezone: the plugins are
// registered once here and every module imports dayjs from this file.
dayjs.extend(utc);
dayjs.extend(timezone);

export default dayjs;

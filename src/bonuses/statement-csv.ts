import type { Types } from "mongoose";
import { Client } from "../clients/client.model.js";
import { CsvFile, safeCell } from "../clients/export/csv-file.js";
import dayjs from "../shared/dayjs.js";
import { currencyMinorDigits } from "../shared/parse/amount.js";
import { Member } from "../teams/member.model.js";
import type { BonusLineDoc } from "./bonus-line.model.js";
import { monthLinesCursor } from "./statements.js";

export const STATEMENT_CSV_HEADER = ["manager", "client", "deal_date", "kind", "rate_percent", "amount", "currency", "status", "payable_month", "release_date", "reason"];

const BATCH = 1000;

/**
 * Every bonus line of a month as CSV (the director's copy), streamed to a
 * temporary file: the lines come from a cursor and client names are looked
 * up once per thousand lines.
 */
export async function writeStatementCsv(teamId: Types.ObjectId, month: string, currency: string, timezone: string): Promise<CsvFile> {
  const file = await CsvFile.create(`bonus-${month}.csv`, STATEMENT_CSV_HEADER);
  const managers = new Map((await Member.find({ teamId }, { name: 1 }).lean()).map((m) => [String(m._id), m.name]));
  const digits = currencyMinorDigits(currency);
  const amount = (minor: number) => (minor / 10 ** digits).toFixed(digits);
  const date = (d: Date | null) => (d ? dayjs(d).tz(timezone).format("YYYY-MM-DD") : "");
  let batch: BonusLineDoc[] = [];
  const flush = async () => {
    const names = new Map(
      (await Client.find({ _id: { $in: [...new Set(batch.map((l) => String(l.clientId)))] } }, { name: 1 }).lean()).map((c) => [String(c._id), c.name]),
    );
    for (const l of batch) {
      await file.write([
        safeCell(managers.get(String(l.managerId))),
        safeCell(names.get(String(l.clientId))),
        date(l.dealAt),
        l.kind,
        l.rateBp === null ? "" : (l.rateBp / 100).toString(),
        amount(l.amountMinor),
        currency,
        l.status,
        l.payableMonth,
        date(l.releaseAt),
        l.reason ?? "",
      ]);
    }
    batch = [];
  };
  try {
    for await (const line of monthLinesCursor(teamId, month)) {
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    await file.close();
    return file;
  } catch (err) {
    await file.remove();
    throw err;
  }
}

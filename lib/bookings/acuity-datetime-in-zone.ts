import { offsetMinutesAt } from "@/lib/time/zoned";

/** An instant written the way Acuity writes datetimes: wall time in `timeZone` with its offset. */
export function toAcuityDatetime(instant: Date, timeZone: string): string {
  const offset = offsetMinutesAt(instant, timeZone);
  const wall = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${wall}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

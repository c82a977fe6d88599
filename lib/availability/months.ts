import { localDateIn } from "@/lib/time/zoned";

/** Calendar arithmetic on YYYY-MM / YYYY-MM-DD strings (no time zone involved). */
export function addMonths(month: string, count: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Today's date (YYYY-MM-DD) as a wall calendar in `timeZone` shows it. */
export const todayIn = (timeZone: string, now = new Date()): string => localDateIn(now, timeZone);

/** The months (YYYY-MM) touched by the inclusive date range. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = addMonths(month, 1)) months.push(month);
  return months;
}

export const isIsoDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

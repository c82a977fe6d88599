/** Calendar days in a time zone as YYYY-MM-DD keys, so "today" means the specialist's today. */
const keyFormat = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

export const dayKeyInZone = (instant: Date, timeZone: string): string => keyFormat(timeZone).format(instant);

/** The key `days` calendar days after `key` (pure date arithmetic, no zone involved). */
export function addDaysToKey(key: string, days: number): string {
  const date = new Date(`${key}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

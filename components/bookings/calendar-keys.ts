/**
 * Where the keyboard moves in the month grid (the ARIA grid / date picker pattern): pure date
 * arithmetic on "YYYY-MM-DD" strings, so it is the same on the server, in the browser and in
 * tests, and never touches a time zone (the dates are the specialist's calendar days).
 */

const parse = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return { y, m, d };
};

const format = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The date `n` days after `date` (negative: before). */
export function addDays(date: string, n: number): string {
  const { y, m, d } = parse(date);
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The same day `n` months on, kept inside the shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonthsToDate(date: string, n: number): string {
  const { y, m, d } = parse(date);
  const i = y * 12 + (m - 1) + n;
  const ty = Math.floor(i / 12);
  const tm = (i % 12) + 1;
  return format(ty, tm, Math.min(d, daysIn(ty, tm)));
}

/** 0 = Monday … 6 = Sunday: the grid's weeks start on Monday. */
export const weekdayIndex = (date: string) => {
  const { y, m, d } = parse(date);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
};

/** "YYYY-MM" of a date. */
export const monthOf = (date: string) => date.slice(0, 7);

/** Months from `from` ("YYYY-MM") to `to` ("YYYY-MM"): -1 for the previous month, 1 for the next. */
export function monthDelta(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return ty * 12 + tm - (fy * 12 + fm);
}

/**
 * The day a key moves focus to from `date`, or null when the key is not the grid's: arrows by a
 * day and a week, Home/End to the week's Monday/Sunday, PageUp/PageDown to the same day of the
 * previous/next month. The result may lie in another month: the grid then shows that month.
 */
export function dateForKey(date: string, key: string): string | null {
  switch (key) {
    case "ArrowLeft":
      return addDays(date, -1);
    case "ArrowRight":
      return addDays(date, 1);
    case "ArrowUp":
      return addDays(date, -7);
    case "ArrowDown":
      return addDays(date, 7);
    case "Home":
      return addDays(date, -weekdayIndex(date));
    case "End":
      return addDays(date, 6 - weekdayIndex(date));
    case "PageUp":
      return addMonthsToDate(date, -1);
    case "PageDown":
      return addMonthsToDate(date, 1);
    default:
      return null;
  }
}

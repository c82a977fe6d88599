/**
 * Acuity writes offsets as `-0500`; JavaScript and most of the world write `-05:00`.
 * We keep Acuity's string as-is everywhere and only normalise when an instant is needed.
 */
export const ACUITY_DATETIME_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** True for ISO datetimes that carry an offset (`Z`, `-0500` or `-05:00`). */
export function isAcuityDatetime(value: string): boolean {
  return ACUITY_DATETIME_PATTERN.test(value);
}

/** Rewrites the offset to the colon form (`-0500` → `-05:00`) and fills in missing seconds. */
export function normalizeAcuityDatetime(value: string): string {
  const match = ACUITY_DATETIME_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not an ISO datetime with an offset: ${value}`);
  const [, date, hh, mm, ss = "00", fraction = "", offset] = match;
  const zone =
    offset === "Z" ? "Z" : offset!.includes(":") ? offset : `${offset!.slice(0, 3)}:${offset!.slice(3)}`;
  return `${date}T${hh}:${mm}:${ss}${fraction}${zone}`;
}

/** The instant an Acuity datetime denotes. Throws RangeError on anything without an offset. */
export function parseAcuityDatetime(value: string): Date {
  const date = new Date(normalizeAcuityDatetime(value));
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid datetime: ${value}`);
  return date;
}

/** Whether two Acuity datetimes are the same instant, whatever offset spelling they use. */
export function sameAcuityInstant(a: string, b: string): boolean {
  return parseAcuityDatetime(a).getTime() === parseAcuityDatetime(b).getTime();
}

/** The offset part in minutes east of UTC (`-0500` → -300). */
export function acuityDatetimeOffsetMinutes(value: string): number {
  const match = ACUITY_DATETIME_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not an ISO datetime with an offset: ${value}`);
  const offset = match[6]!;
  if (offset === "Z") return 0;
  const digits = offset.replace(":", "");
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith("-") ? -minutes : minutes;
}

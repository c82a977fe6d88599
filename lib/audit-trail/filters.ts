import { isIP } from "node:net";
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { containsPattern } from "@/db/like-pattern";
import { auditLogs } from "@/db/schema";
import { isValidTimeZone } from "@/lib/time/zoned";

const optionalText = z
  .string()
  .trim()
  .max(255, "Use at most 255 characters")
  .optional()
  .transform((value) => (value ? value : undefined));

const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .pipe(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-30")
      .optional(),
  );

/** The zone whose calendar days `from`/`to` name (the viewer's, sent by the form); UTC without one. */
const dayZone = optionalText.refine((value) => !value || isValidTimeZone(value), "Unknown time zone");

/** An IP literal or a CIDR block ("203.0.113.0/24"): both match with Postgres' `<<=`. */
const ipOrCidr = optionalText.refine((value) => {
  if (!value) return true;
  const [address = "", bits, ...rest] = value.split("/");
  if (rest.length > 0 || !isIP(address)) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d+$/.test(bits) && Number(bits) <= max;
}, "Enter an IP address such as 203.0.113.7, or a range such as 203.0.113.0/24");

/**
 * The audit trail's filters — one schema for the page, the CSV export and the booking tab.
 * People are matched by id, e-mail or name, so an admin can type what they know.
 * Dates are whole days, both ends included, of the calendar in `tz` (the viewer's zone the
 * form sends, so the days match the times the table shows; UTC when absent).
 */
export const auditFilterSchema = z
  .object({
    actor: optionalText,
    impersonated: optionalText,
    action: optionalText,
    resourceType: optionalText,
    resourceId: optionalText,
    bookingId: optionalText,
    from: optionalDay,
    to: optionalDay,
    tz: dayZone,
    ip: ipOrCidr,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    message: "The start date is after the end date",
    path: ["to"],
  });

/** Every key optional: code (the booking tab, tests) passes only what it filters by. */
export type AuditFilter = Partial<z.infer<typeof auditFilterSchema>>;
export const AUDIT_FILTER_KEYS = [
  "actor",
  "impersonated",
  "action",
  "resourceType",
  "resourceId",
  "bookingId",
  "from",
  "to",
  "tz",
  "ip",
] as const;

export function auditFilterFromSearchParams(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
) {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  return auditFilterSchema.safeParse(Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, get(key)])));
}

export function auditFilterToSearchParams(filter: AuditFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) if (filter[key]) params.set(key, filter[key]);
  return params;
}

/** Users whose id is `value`, or whose e-mail or name contains it. */
const personMatches = (
  column: typeof auditLogs.userId | typeof auditLogs.impersonatedUserId,
  value: string,
) =>
  sql`${column} IN (SELECT u.id FROM users u WHERE u.id = ${value} OR u.email ILIKE ${containsPattern(value)} OR u.name ILIKE ${containsPattern(value)})`;

/** The WHERE of a filter; every value is a bound parameter. */
export function auditFilterCondition(filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.actor) conditions.push(personMatches(auditLogs.userId, filter.actor));
  if (filter.impersonated) conditions.push(personMatches(auditLogs.impersonatedUserId, filter.impersonated));
  if (filter.action) conditions.push(eq(auditLogs.action, filter.action));
  if (filter.resourceType) conditions.push(eq(auditLogs.resourceType, filter.resourceType));
  if (filter.resourceId) conditions.push(eq(auditLogs.resourceId, filter.resourceId));
  if (filter.bookingId) {
    // The booking's own rows, and rows about its documents (they carry the booking id).
    conditions.push(
      or(
        and(eq(auditLogs.resourceType, "booking"), eq(auditLogs.resourceId, filter.bookingId)),
        sql`${auditLogs.metadata}->>'bookingId' = ${filter.bookingId}`,
      ),
    );
  }
  const zone = filter.tz ?? "UTC";
  if (filter.from)
    conditions.push(
      sql`${auditLogs.timestamp} >= ${filter.from}::date::timestamp AT TIME ZONE ${zone}::text`,
    );
  if (filter.to)
    conditions.push(
      sql`${auditLogs.timestamp} < (${filter.to}::date + 1)::timestamp AT TIME ZONE ${zone}::text`,
    );
  if (filter.ip) conditions.push(sql`${auditLogs.ipAddress} <<= ${filter.ip}::inet`);
  return conditions.length ? and(...conditions) : undefined;
}

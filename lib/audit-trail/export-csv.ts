import { and, desc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { auditFilterCondition, type AuditFilter } from "./filters";
import { selectAuditRows, type AuditLogRow } from "./list-audit-logs";

export const AUDIT_CSV_HEADER = [
  "timestamp_utc",
  "actor_user_id",
  "actor_email",
  "impersonated_user_id",
  "impersonated_email",
  "action",
  "resource_type",
  "resource_id",
  "ip_address",
  "user_agent",
  "metadata_json",
] as const;

/**
 * One CSV field: quoted when needed, and a leading = + - @ (a spreadsheet formula) is
 * neutralised with an apostrophe, since audit values include user-typed text.
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditRowToCsv(row: AuditLogRow): string {
  return [
    row.timestamp,
    row.userId,
    row.actorEmail,
    row.impersonatedUserId,
    row.impersonatedEmail,
    row.action,
    row.resourceType,
    row.resourceId,
    row.ipAddress,
    row.userAgent,
    row.metadata ? JSON.stringify(row.metadata) : "",
  ]
    .map(csvField)
    .join(",");
}

export interface AuditCsvOptions {
  /** Rows fetched per query; the most the export ever holds at once. */
  chunkSize?: number;
  /** Called after each fetch with how many rows it returned (tests count chunks). */
  onChunk?: (rows: number) => void;
}

/**
 * The audit rows matching `filter` as a CSV byte stream, fetched in keyset-paginated chunks
 * (timestamp, id descending) only when the consumer asks for more — an export of a million
 * rows holds one chunk in memory, and a slow client slows the queries instead of piling up
 * rows. The cursor is the timestamp as exact text, so microseconds never skip or repeat rows.
 */
export function streamAuditCsv(
  db: DbOrTx,
  filter: AuditFilter,
  options: AuditCsvOptions = {},
): ReadableStream<Uint8Array> {
  const chunkSize = options.chunkSize ?? 2000;
  const encoder = new TextEncoder();
  const where = auditFilterCondition(filter);
  let cursor: { timestamp: string; id: string } | null = null;
  let headerSent = false;

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(`${AUDIT_CSV_HEADER.join(",")}\r\n`));
          return;
        }
        const after = cursor
          ? sql`(${auditLogs.timestamp}, ${auditLogs.id}) < (${cursor.timestamp}::timestamptz, ${cursor.id})`
          : undefined;
        const rows = await selectAuditRows(db)
          .where(and(where, after))
          .orderBy(desc(auditLogs.timestamp), desc(auditLogs.id))
          .limit(chunkSize);
        options.onChunk?.(rows.length);
        const last = rows.at(-1);
        if (last) {
          cursor = { timestamp: last.timestamp, id: last.id };
          controller.enqueue(encoder.encode(rows.map((row) => `${auditRowToCsv(row)}\r\n`).join("")));
        }
        if (rows.length < chunkSize) controller.close();
      },
    },
    // Ask for the next chunk only when the consumer has taken the previous one.
    { highWaterMark: 1 },
  );
}

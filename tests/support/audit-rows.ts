import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";

/**
 * A resource's audit rows in the order they were written: by their transaction's time, then — rows
 * of one transaction — by their place in the table. Without an ORDER BY PostgreSQL returns table
 * order, and a row can land in space a rolled-back insert left earlier in the table (CI once read
 * a removal before the two additions it followed).
 */
export function auditRowsFor(resourceType: string, resourceId: string) {
  return getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.resourceType, resourceType), eq(auditLogs.resourceId, resourceId)))
    .orderBy(asc(auditLogs.timestamp), sql`ctid`);
}

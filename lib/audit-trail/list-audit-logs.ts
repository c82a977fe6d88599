import { and, count, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { auditLogs, users } from "@/db/schema";
import { auditFilterCondition, type AuditFilter } from "./filters";

export interface AuditLogRow {
  id: string;
  /** ISO instant with microseconds as Postgres keeps them: also the keyset cursor. */
  timestamp: string;
  userId: string;
  actorEmail: string | null;
  actorName: string | null;
  impersonatedUserId: string | null;
  impersonatedEmail: string | null;
  impersonatedName: string | null;
  action: string;
  resourceType: string;
  resourceId: string;
  metadata: Record<string, unknown> | null;
  ipAddress: string;
  userAgent: string | null;
}

const actor = alias(users, "actor");
const impersonated = alias(users, "impersonated");

/** The select list shared by the page and the export: people resolved, timestamp as exact text. */
export function selectAuditRows(db: DbOrTx) {
  return db
    .select({
      id: auditLogs.id,
      timestamp: sql<string>`to_char(${auditLogs.timestamp} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      userId: auditLogs.userId,
      actorEmail: actor.email,
      actorName: actor.name,
      impersonatedUserId: auditLogs.impersonatedUserId,
      impersonatedEmail: impersonated.email,
      impersonatedName: impersonated.name,
      action: auditLogs.action,
      resourceType: auditLogs.resourceType,
      resourceId: auditLogs.resourceId,
      metadata: auditLogs.metadata,
      ipAddress: sql<string>`host(${auditLogs.ipAddress})`,
      userAgent: auditLogs.userAgent,
    })
    .from(auditLogs)
    .leftJoin(actor, eq(actor.id, auditLogs.userId))
    .leftJoin(impersonated, eq(impersonated.id, auditLogs.impersonatedUserId))
    .$dynamic();
}

/**
 * One page of the audit trail, newest first, and how many rows match. Callers check
 * the policy (admin console only); the booking tab passes a bookingId filter.
 */
export async function listAuditLogs(
  db: DbOrTx,
  filter: AuditFilter,
  page: { pageIndex: number; pageSize: number },
): Promise<{ rows: AuditLogRow[]; total: number }> {
  const where = auditFilterCondition(filter);
  const [rows, totals] = await Promise.all([
    selectAuditRows(db)
      .where(and(where))
      .orderBy(desc(auditLogs.timestamp), desc(auditLogs.id))
      .limit(page.pageSize)
      .offset(page.pageIndex * page.pageSize),
    db.select({ total: count() }).from(auditLogs).where(and(where)),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

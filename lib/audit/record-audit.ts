import type { DbOrTx } from "@/db/client";
import { auditLogs } from "@/db/schema";
import type { AuditAction, AuditResourceType } from "./actions";
import type { AuditContext } from "./request-context";

export interface AuditEntry {
  action: AuditAction;
  resourceType: AuditResourceType;
  resourceId: string;
  metadata?: Record<string, unknown>;
}

/**
 * Writes audit rows (one per entry, in one insert) inside the caller's transaction, so the rows
 * exist exactly when the changes they describe do.
 */
export async function recordAudit(
  tx: DbOrTx,
  context: AuditContext,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await tx.insert(auditLogs).values(
    list.map((entry) => ({
      userId: context.actorUserId,
      impersonatedUserId: context.impersonatedUserId,
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      metadata: entry.metadata ?? {},
      ipAddress: context.ipAddress,
      userAgent: context.userAgent,
    })),
  );
}

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
 * Writes one audit row inside the caller's transaction, so the row exists exactly when
 * the change it describes does.
 */
export async function recordAudit(tx: DbOrTx, context: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLogs).values({
    userId: context.actorUserId,
    impersonatedUserId: context.impersonatedUserId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    metadata: entry.metadata ?? {},
    ipAddress: context.ipAddress,
    userAgent: context.userAgent,
  });
}

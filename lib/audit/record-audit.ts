import { PgTransaction } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "@/db/client";
import { auditLogPending, auditLogs } from "@/db/schema";
import { auditRowMac, canonicalAuditRow } from "@/lib/audit-seal/canonical-row";
import { auditSealKey } from "@/lib/audit-seal/seal-key";
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
 * exist exactly when the changes they describe do — each with its MAC in audit_log_pending (one
 * more insert, no lock), which the sealer later turns into a seal (lib/audit-seal). The MAC is
 * what tells the portal's rows from ones inserted behind its back.
 */
export async function recordAudit(
  tx: DbOrTx,
  context: AuditContext,
  entries: AuditEntry | AuditEntry[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  // A row and its MAC commit together: a row left without one would read as forged.
  if (tx instanceof PgTransaction) await writeWithMacs(tx, context, list);
  else await tx.transaction((own) => writeWithMacs(own, context, list));
}

async function writeWithMacs(tx: Tx, context: AuditContext, list: AuditEntry[]): Promise<void> {
  const key = auditSealKey();
  const written = await tx
    .insert(auditLogs)
    .values(
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
    )
    .returning({ id: auditLogs.id, canonical: canonicalAuditRow("audit_logs") });
  await tx
    .insert(auditLogPending)
    .values(written.map((row) => ({ auditId: row.id, mac: auditRowMac(key, row.canonical) })));
}

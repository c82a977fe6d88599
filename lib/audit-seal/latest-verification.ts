import { count, desc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditLogPending, auditLogSeals, auditVerifications } from "@/db/schema";

export interface AuditIntegrityStatus {
  /** The newest verification run, if any ran. */
  lastVerification: {
    finishedAt: string;
    ok: boolean;
    trigger: string;
    rowsChecked: number;
    sealsChecked: number;
    problemCount: number;
    firstProblem: string | null;
  } | null;
  /** When the newest seal was made, if any. */
  lastSealedAt: string | null;
  /** Rows written and not sealed yet. */
  awaitingSeal: number;
}

const iso = (column: unknown) =>
  sql<string>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** What Admin → Audit trail shows about the trail's integrity. */
export async function auditIntegrityStatus(db: DbOrTx): Promise<AuditIntegrityStatus> {
  const [[last], [seal], [pending]] = await Promise.all([
    db
      .select({
        finishedAt: iso(auditVerifications.finishedAt),
        ok: auditVerifications.ok,
        trigger: auditVerifications.trigger,
        rowsChecked: auditVerifications.rowsChecked,
        sealsChecked: auditVerifications.sealsChecked,
        problemCount: auditVerifications.problemCount,
        firstProblem: auditVerifications.firstProblem,
      })
      .from(auditVerifications)
      .orderBy(desc(auditVerifications.finishedAt))
      .limit(1),
    db
      .select({ sealedAt: iso(auditLogSeals.sealedAt) })
      .from(auditLogSeals)
      .orderBy(desc(auditLogSeals.sequence))
      .limit(1),
    db.select({ total: count() }).from(auditLogPending),
  ]);
  return {
    lastVerification: last ?? null,
    lastSealedAt: seal?.sealedAt ?? null,
    awaitingSeal: pending?.total ?? 0,
  };
}

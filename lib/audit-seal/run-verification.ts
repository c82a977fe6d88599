/**
 * A verification run as the command and the daily job do it: verify, store the result (what
 * Admin → Audit trail shows), and when it failed tell the admins — an attention event, in the
 * transaction that stores the result, so their in-app list and daily digest carry it.
 */
import type { Database } from "@/db/client";
import { auditVerifications } from "@/db/schema";
import { log, LOG_EVENTS } from "@/lib/log";
import { recordAttentionNeeded } from "@/lib/notifications/attention";
import { auditSealKey } from "./seal-key";
import { verifyAuditTrail, type AuditVerification } from "./verify-audit-trail";

export type VerificationTrigger = "command" | "schedule";

export async function runAuditVerification(
  db: Database,
  trigger: VerificationTrigger,
): Promise<AuditVerification & { durationMs: number }> {
  const startedAt = new Date();
  const result = await verifyAuditTrail(db, auditSealKey());
  const durationMs = Date.now() - startedAt.getTime();
  const firstProblem = result.problems[0]?.sentence ?? null;
  await db.transaction(async (tx) => {
    await tx.insert(auditVerifications).values({
      startedAt,
      ok: result.ok,
      trigger,
      rowsChecked: result.rowsChecked,
      sealsChecked: result.sealsChecked,
      headSequence: result.head?.sequence ?? null,
      headHash: result.head?.hash ?? null,
      problemCount: result.problemCount,
      firstProblem,
    });
    if (!result.ok) {
      await recordAttentionNeeded(tx, {
        reason: LOG_EVENTS.auditTrailTampered,
        summary: `The audit trail failed verification with ${result.problemCount} problem(s); the first: ${firstProblem ?? "unknown"}. Run npm run audit:verify for the list, and look into who had direct database access.`,
        bookingId: null,
      });
    }
  });
  // The head seal in the log too: a copy of it outside the database to compare against later.
  const fields = {
    rowsChecked: result.rowsChecked,
    sealsChecked: result.sealsChecked,
    headSequence: result.head?.sequence ?? null,
    headHash: result.head?.hash ?? null,
    problemCount: result.problemCount,
    durationMs,
  };
  if (result.ok) log.info({ event: LOG_EVENTS.auditTrailVerified, ...fields }, "the audit trail verified");
  else
    log.error(
      { event: LOG_EVENTS.auditTrailTampered, ...fields, firstProblem },
      "the audit trail failed verification",
    );
  return { ...result, durationMs };
}

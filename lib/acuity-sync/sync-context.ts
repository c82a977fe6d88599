import type { AuditContext } from "@/lib/audit/request-context";
import { UNKNOWN_IP } from "@/lib/audit/request-context";

export interface SyncContext {
  /** The system user: actor of every change a webhook or reconciliation makes. */
  systemUserId: string;
  /** When the Acuity read being applied started (database clock). */
  readStartedAt: Date;
  /** The webhook events this read answered and settled (pending ones included, for reconciliation too). */
  eventIds: string[];
  trigger: "webhook" | "reconcile";
}

export const systemAuditContext = (systemUserId: string): AuditContext => ({
  actorUserId: systemUserId,
  impersonatedUserId: null,
  ipAddress: UNKNOWN_IP,
  userAgent: "acuity-sync",
});

import { createHmac } from "node:crypto";
import { config } from "@/lib/config";

/**
 * The key of the audit trail's row MACs and seals. AUDIT_SEAL_KEY when set; otherwise derived
 * from BETTER_AUTH_SECRET (an HMAC of a fixed label, so the key is not the session secret itself).
 * Never stored in the database: a database superuser without it can change rows and triggers, but
 * cannot make a MAC or a seal that verifies.
 */
export function auditSealKey(): Buffer {
  const { AUDIT_SEAL_KEY, BETTER_AUTH_SECRET } = config();
  if (AUDIT_SEAL_KEY) return Buffer.from(AUDIT_SEAL_KEY, "utf8");
  if (BETTER_AUTH_SECRET)
    return createHmac("sha256", BETTER_AUTH_SECRET).update("ime-portal audit seal key v1").digest();
  throw new Error(
    "AUDIT_SEAL_KEY or BETTER_AUTH_SECRET must be set: audit rows are sealed with a key derived from it",
  );
}

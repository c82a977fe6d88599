import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import type { ActionContext } from "@/lib/actions/define-action";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { recordAudit } from "@/lib/audit/record-audit";
import { isSystemAccount } from "@/lib/auth/system-account";
import { canImpersonate } from "@/lib/authz/policy";

/** Opens better-auth's impersonation session (its row joins the action's transaction). */
export type OpenImpersonationSession = (userId: string) => Promise<void>;

/**
 * Audits and starts an impersonation. `openSession` makes better-auth's impersonation
 * session (1 hour, cookies for the browser) after the audit row is written, so a refused or
 * failed start leaves no audit row; the session row is written in the action's transaction
 * (transactionWithBetterAuth), so if that fails to commit no impersonation stands unaudited.
 */
export async function startImpersonation(
  { tx, actor, auditContext }: Pick<ActionContext, "tx" | "actor" | "auditContext">,
  input: { userId: string; reason: string },
  openSession: OpenImpersonationSession,
): Promise<{ userId: string }> {
  // Acting as someone else is the strongest thing an admin does: only from a session that was
  // signed in with the second factor (a session from before enrolment, by password alone, is not).
  if (!actor.secondFactorVerified)
    throw new UserFacingError(
      "forbidden",
      "Impersonating needs a session signed in with your two-factor code — sign out, sign in again with your authenticator code, then try again.",
    );
  const [target] = await tx
    .select({ id: users.id, email: users.email, role: users.role, banned: users.banned })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!target) throw new NotFoundError("That user");
  if (!canImpersonate(actor, target)) {
    if ((target.role ?? "").includes("admin"))
      throw new UserFacingError("forbidden", "Administrators cannot be impersonated.");
    if (target.banned)
      throw new UserFacingError("conflict", "Banned users cannot be impersonated — unban them first.");
    if (isSystemAccount(target))
      throw new UserFacingError(
        "forbidden",
        "The system account is not a person and cannot be impersonated.",
      );
    throw new UserFacingError("forbidden", "You cannot impersonate this user.");
  }
  await recordAudit(
    tx,
    { ...auditContext, impersonatedUserId: target.id },
    {
      action: "impersonation.started",
      resourceType: "user",
      resourceId: target.id,
      metadata: { reason: input.reason },
    },
  );
  await openSession(target.id);
  return { userId: target.id };
}

import { APIError } from "better-auth/api";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizationSettings, sessions, twoFactors, users } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import { getAuth } from "@/lib/auth/auth";
import {
  canChangeOrganizationSettings,
  canChangeSomeOrganizationSettings,
  canManageOwnTwoFactor,
  canResetTwoFactorOf,
} from "@/lib/authz/policy";
import { disableOwnTwoFactorSchema, organizationTwoFactorSchema, resetTwoFactorSchema } from "./schemas";

/** Removes the user's second factor: the plugin's row and its flag. True when there was one. */
async function removeSecondFactor(tx: Tx, userId: string): Promise<boolean> {
  const removed = await tx
    .delete(twoFactors)
    .where(eq(twoFactors.userId, userId))
    .returning({ id: twoFactors.id });
  const [user] = await tx
    .update(users)
    .set({ twoFactorEnabled: false })
    .where(and(eq(users.id, userId), eq(users.twoFactorEnabled, true)))
    .returning({ id: users.id });
  return removed.length > 0 || user !== undefined;
}

/**
 * Admin → Users → "Reset two-factor": for someone who lost their authenticator and their backup
 * codes. Their sessions end too, so their next sign-in is by password and — where two-factor is
 * required of them — straight into a fresh enrolment. The reason is audited. Never one's own
 * account (canResetTwoFactorOf): an admin uses a backup code, or asks another admin.
 */
export const resetTwoFactorDefinition = adminAction({
  input: resetTwoFactorSchema,
  form: true,
  run: async ({ tx, actor, audit }, input) => {
    const [target] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, input.userId));
    if (!target) throw new NotFoundError("That user");
    if (!canResetTwoFactorOf(actor, target))
      throw new UserFacingError(
        "forbidden",
        target.id === actor.userId
          ? "You cannot reset your own second factor. Use one of your backup codes in Settings → Two-factor, or ask another admin."
          : "This account's second factor cannot be reset.",
      );
    if (!(await removeSecondFactor(tx, target.id)))
      throw new UserFacingError("conflict", "This user has no second factor to reset.");
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, target.id))
      .returning({ id: sessions.id });
    await audit({
      action: "user.two_factor_reset",
      resourceType: "user",
      resourceId: target.id,
      metadata: { reason: input.reason, sessionsEnded: ended.length },
    });
    return { userId: target.id };
  },
});

/** The request's own headers (its session cookie), which better-auth's backup-code check needs. */
export interface OwnRequest {
  authHeaders: () => Promise<Headers>;
}

/**
 * Settings → Two-factor → "Turn off": proven with one of the user's backup codes (spent by
 * better-auth in this transaction — a wrong or used code changes nothing). Where two-factor is
 * required of them they are sent to enrol again at once; that is how someone with a new phone
 * resets their own.
 */
export const disableOwnTwoFactorDefinition = (
  request: OwnRequest,
): ActionDefinition<typeof disableOwnTwoFactorSchema, { userId: string }, true> => ({
  input: disableOwnTwoFactorSchema,
  form: true,
  authorize: canManageOwnTwoFactor,
  run: async ({ tx, actor, audit }, input) => {
    try {
      await getAuth().api.verifyBackupCode({
        body: { code: input.backupCode, disableSession: true },
        headers: await request.authHeaders(),
      });
    } catch (error) {
      if (!(error instanceof APIError)) throw error;
      throw new UserFacingError("invalid_input", "That backup code is not right, or was already used.", {
        backupCode: ["That backup code is not right, or was already used."],
      });
    }
    if (!(await removeSecondFactor(tx, actor.userId)))
      throw new UserFacingError("conflict", "Two-factor sign-in is not on for your account.");
    await audit([
      { action: "auth.two_factor_backup_code_used", resourceType: "user", resourceId: actor.userId },
      { action: "auth.two_factor_disabled", resourceType: "user", resourceId: actor.userId },
    ]);
    return { userId: actor.userId };
  },
});

/**
 * The organization owner's "Require two-factor sign-in for every member": stored in
 * organization_settings; from the next request on, members who have not enrolled are held on the
 * enrolment screen (lib/auth/session-standing.ts). Another organization's id is "not found".
 */
export const setOrganizationTwoFactorDefinition: ActionDefinition<
  typeof organizationTwoFactorSchema,
  { organizationId: string; requireTwoFactor: boolean },
  true
> = {
  input: organizationTwoFactorSchema,
  form: true,
  authorize: canChangeSomeOrganizationSettings,
  run: async ({ tx, actor, audit }, input) => {
    if (!canChangeOrganizationSettings(actor, input.organizationId))
      throw new NotFoundError("That organization");
    await tx
      .insert(organizationSettings)
      .values({ organizationId: input.organizationId, requireTwoFactor: input.requireTwoFactor })
      .onConflictDoUpdate({
        target: organizationSettings.organizationId,
        set: { requireTwoFactor: input.requireTwoFactor, updatedAt: new Date() },
      });
    await audit({
      action: "organization.settings_updated",
      resourceType: "organization",
      resourceId: input.organizationId,
      metadata: { requireTwoFactor: input.requireTwoFactor },
    });
    return { organizationId: input.organizationId, requireTwoFactor: input.requireTwoFactor };
  },
};

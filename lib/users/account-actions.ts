import { count, eq } from "drizzle-orm";
import { sessions, users } from "@/db/schema";
import type { Tx } from "@/db/client";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import { viaBetterAuth, type AdminRequest } from "@/lib/admin/better-auth";
import { getAuth } from "@/lib/auth/auth";
import { assertUncommonPassword } from "@/lib/auth/common-passwords";
import type { Actor } from "@/lib/authz/actor";
import { isSystemAccount } from "@/lib/auth/system-account";
import { canManageUserAccount } from "@/lib/authz/policy";
import { banUserSchema, setPasswordSchema, unbanUserSchema, userIdSchema } from "./schemas";

/** The target account, checked against the policy: missing → not found, oneself or the system account → refused. */
async function accountToManage(tx: Tx, actor: Actor, userId: string) {
  const [target] = await tx
    .select({ id: users.id, email: users.email, banned: users.banned })
    .from(users)
    .where(eq(users.id, userId));
  if (!target) throw new NotFoundError("That user");
  if (!canManageUserAccount(actor, target)) {
    throw new UserFacingError(
      "forbidden",
      isSystemAccount(target)
        ? "The system account is not a person's account; it cannot be changed."
        : "You cannot do this to your own account.",
    );
  }
  return target;
}

const sessionCount = async (tx: Tx, userId: string) =>
  ((await tx.select({ n: count() }).from(sessions).where(eq(sessions.userId, userId))) as [{ n: number }])[0]
    .n;

/** Bans (better-auth also ends every session of the user) with a reason and optional end. */
export const banUserDefinition = (request: AdminRequest) =>
  adminAction({
    input: banUserSchema,
    form: true,
    run: async ({ tx, actor, audit }, input) => {
      const target = await accountToManage(tx, actor, input.userId);
      const days = typeof input.days === "number" ? input.days : null;
      await viaBetterAuth(async () =>
        getAuth().api.banUser({
          body: {
            userId: target.id,
            banReason: input.reason,
            banExpiresIn: days ? days * 86_400 : undefined,
          },
          headers: await request.authHeaders(),
        }),
      );
      const expiresAt = days ? new Date(Date.now() + days * 86_400_000).toISOString() : null;
      await audit({
        action: "user.banned",
        resourceType: "user",
        resourceId: target.id,
        metadata: { reason: input.reason, expiresAt },
      });
      return { userId: target.id };
    },
  });

/** Lifts a ban; the reason is required so the trail says why access came back, not only that it did. */
export const unbanUserDefinition = (request: AdminRequest) =>
  adminAction({
    input: unbanUserSchema,
    form: true,
    run: async ({ tx, actor, audit }, input) => {
      const target = await accountToManage(tx, actor, input.userId);
      if (!target.banned) throw new UserFacingError("conflict", "This user is not banned.");
      await viaBetterAuth(async () =>
        getAuth().api.unbanUser({ body: { userId: target.id }, headers: await request.authHeaders() }),
      );
      await audit({
        action: "user.unbanned",
        resourceType: "user",
        resourceId: target.id,
        metadata: { reason: input.reason },
      });
      return { userId: target.id };
    },
  });

/** Sets a new password (the admin tells the user out of band); optionally signs them out everywhere. */
export const setUserPasswordDefinition = (request: AdminRequest) =>
  adminAction({
    input: setPasswordSchema,
    form: true,
    run: async ({ tx, actor, audit }, input) => {
      const target = await accountToManage(tx, actor, input.userId);
      await assertUncommonPassword(input.newPassword, "newPassword");
      const headers = await request.authHeaders();
      await viaBetterAuth(() =>
        getAuth().api.setUserPassword({
          body: { userId: target.id, newPassword: input.newPassword },
          headers,
        }),
      );
      let revoked = 0;
      if (input.signOutEverywhere) {
        revoked = await sessionCount(tx, target.id);
        await viaBetterAuth(() => getAuth().api.revokeUserSessions({ body: { userId: target.id }, headers }));
      }
      await audit({
        action: "user.password_set",
        resourceType: "user",
        resourceId: target.id,
        metadata: { signedOutEverywhere: input.signOutEverywhere, sessionsRevoked: revoked },
      });
      return { userId: target.id };
    },
  });

export const revokeUserSessionsDefinition = (request: AdminRequest) =>
  adminAction({
    input: userIdSchema,
    form: true,
    run: async ({ tx, actor, audit }, input) => {
      const target = await accountToManage(tx, actor, input.userId);
      const revoked = await sessionCount(tx, target.id);
      await viaBetterAuth(async () =>
        getAuth().api.revokeUserSessions({
          body: { userId: target.id },
          headers: await request.authHeaders(),
        }),
      );
      await audit({
        action: "user.sessions_revoked",
        resourceType: "user",
        resourceId: target.id,
        metadata: { sessionsRevoked: revoked },
      });
      return { userId: target.id, revoked };
    },
  });

import { and, eq, ne } from "drizzle-orm";
import { APIError } from "better-auth/api";
import { getDb, type Tx } from "@/db/client";
import { sessions } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { viaBetterAuth } from "@/lib/admin/better-auth";
import { getAuth } from "@/lib/auth/auth";
import { assertUncommonPassword } from "@/lib/auth/common-passwords";
import { canEndOwnSession, canManageOwnSessions } from "@/lib/authz/policy";
import { deviceLabel } from "./device-label";
import { clearWrongPasswords, countWrongPassword, wrongPasswordsExhausted } from "./password-attempts";
import { changePasswordSchema, endOtherSessionsSchema, endSessionSchema } from "./schemas";
import type { SessionRequest } from "./session-request";

/** What the audit row says about an ended session: whose, which device, and an impersonation's admin. */
export const endedSessionFacts = (session: {
  userId: string;
  userAgent: string | null;
  impersonatedBy: string | null;
}) => ({
  userId: session.userId,
  device: deviceLabel(session.userAgent),
  impersonatedBy: session.impersonatedBy,
});

/** Ends every session of the user but `keep`; what was ended, for the audit row. */
async function endSessionsExcept(tx: Tx, userId: string, keep: string | null) {
  const ended = await tx
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId))
    .returning({ id: sessions.id, impersonatedBy: sessions.impersonatedBy });
  return {
    sessionsEnded: ended.length,
    // An admin's impersonation of the account ends with the rest; the trail names whose.
    impersonationsEnded: ended.flatMap((session) => (session.impersonatedBy ? [session.impersonatedBy] : [])),
  };
}

async function currentSessionOf(request: SessionRequest): Promise<string> {
  const id = await request.currentSessionId();
  if (!id) throw new UserFacingError("session_ended", "Your session has ended — sign in again.");
  return id;
}

/** Signs out one of the user's other sessions (Settings → Security). Anyone else's is "not found". */
export const endOwnSessionDefinition = (
  request: SessionRequest,
): ActionDefinition<typeof endSessionSchema, { sessionId: string }, true> => ({
  input: endSessionSchema,
  form: true,
  authorize: canManageOwnSessions,
  run: async ({ tx, actor, audit }, input) => {
    const [session] = await tx.select().from(sessions).where(eq(sessions.id, input.sessionId));
    if (!session || !canEndOwnSession(actor, session)) throw new NotFoundError("That session");
    if (session.id === (await currentSessionOf(request)))
      throw new UserFacingError("conflict", "This is the session you are using — use Sign out to end it.");
    await tx.delete(sessions).where(eq(sessions.id, session.id));
    await audit({
      action: "session.ended",
      resourceType: "session",
      resourceId: session.id,
      metadata: { ...endedSessionFacts(session), endedBy: "self" },
    });
    return { sessionId: session.id };
  },
});

/** Signs out every session of the user but the one they are using. */
export const endOtherOwnSessionsDefinition = (
  request: SessionRequest,
): ActionDefinition<typeof endOtherSessionsSchema, { sessionsEnded: number }, true> => ({
  input: endOtherSessionsSchema,
  form: true,
  authorize: canManageOwnSessions,
  run: async ({ tx, actor, audit }) => {
    const ended = await endSessionsExcept(tx, actor.userId, await currentSessionOf(request));
    await audit({
      action: "session.others_ended",
      resourceType: "user",
      resourceId: actor.userId,
      metadata: ended,
    });
    return { sessionsEnded: ended.sessionsEnded };
  },
});

const WRONG_PASSWORD = "The current password is not right";

/**
 * Changes the user's own password (the current one proves it is them, not a borrowed session)
 * and ends every other session of theirs in the same transaction — whoever else was signed in
 * is out. The session in use stays. Wrong current passwords are limited per account.
 */
export const changePasswordDefinition = (
  request: SessionRequest,
): ActionDefinition<typeof changePasswordSchema, { sessionsEnded: number }, true> => ({
  input: changePasswordSchema,
  form: true,
  authorize: canManageOwnSessions,
  run: async ({ tx, actor, audit }, input) => {
    await assertUncommonPassword(input.newPassword, "newPassword");
    const db = getDb();
    if (await wrongPasswordsExhausted(db, actor.userId))
      throw new UserFacingError(
        "rate_limited",
        "Too many wrong passwords — wait 15 minutes and try again, or use “Forgot password” after signing out.",
      );
    const current = await currentSessionOf(request);
    const headers = await request.authHeaders();
    // revokeOtherSessions off: better-auth would end this session too and start a new one; the
    // others end below, in this transaction.
    const changed = await viaBetterAuth(async () => {
      try {
        await getAuth().api.changePassword({
          body: {
            currentPassword: input.currentPassword,
            newPassword: input.newPassword,
            revokeOtherSessions: false,
          },
          headers,
        });
        return true;
      } catch (error) {
        if (error instanceof APIError && error.body?.code === "INVALID_PASSWORD") return false;
        throw error;
      }
    });
    if (!changed) {
      // Its own connection: this transaction rolls back with the refusal, the count must not.
      await countWrongPassword(db, actor.userId);
      throw new UserFacingError("invalid_input", "Please correct the highlighted fields.", {
        currentPassword: [WRONG_PASSWORD],
      });
    }
    await clearWrongPasswords(db, actor.userId);
    const ended = await endSessionsExcept(tx, actor.userId, current);
    await audit({
      action: "auth.password_changed",
      resourceType: "user",
      resourceId: actor.userId,
      metadata: ended,
    });
    return { sessionsEnded: ended.sessionsEnded };
  },
});

import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import type { Actor } from "@/lib/authz/actor";
import { canManageUserSessions } from "@/lib/authz/policy";
import { adminEndAllSessionsSchema, adminEndSessionSchema } from "./schemas";
import { endedSessionFacts } from "./session-definitions";

/** The account whose sessions the admin ends: missing → not found; their own or the system account → refused. */
async function sessionOwner(tx: Tx, actor: Actor, userId: string) {
  const [owner] = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!owner) throw new NotFoundError("That user");
  if (!canManageUserSessions(actor, owner))
    throw new UserFacingError(
      "forbidden",
      owner.id === actor.userId
        ? "Your own sessions are under Settings → Security, where the one you are using stays."
        : "The system account never signs in; it has no sessions to end.",
    );
  return owner;
}

/** Admin → Users → sessions: ends one session of a user (an impersonation of them included). */
export const adminEndSessionDefinition = adminAction({
  input: adminEndSessionSchema,
  form: true,
  run: async ({ tx, actor, audit }, input) => {
    const owner = await sessionOwner(tx, actor, input.userId);
    const [ended] = await tx
      .delete(sessions)
      .where(and(eq(sessions.id, input.sessionId), eq(sessions.userId, owner.id)))
      .returning();
    if (!ended) throw new NotFoundError("That session");
    await audit({
      action: "session.ended",
      resourceType: "session",
      resourceId: ended.id,
      metadata: { ...endedSessionFacts(ended), endedBy: "admin" },
    });
    return { sessionId: ended.id };
  },
});

/** Admin → Users → sessions: signs the user out everywhere (the admin console's "sign out of all devices"). */
export const adminEndAllSessionsDefinition = adminAction({
  input: adminEndAllSessionsSchema,
  form: true,
  run: async ({ tx, actor, audit }, input) => {
    const owner = await sessionOwner(tx, actor, input.userId);
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, owner.id))
      .returning({ impersonatedBy: sessions.impersonatedBy });
    const impersonationsEnded = ended.flatMap((s) => (s.impersonatedBy ? [s.impersonatedBy] : []));
    await audit({
      action: "user.sessions_revoked",
      resourceType: "user",
      resourceId: owner.id,
      metadata: { sessionsRevoked: ended.length, impersonationsEnded },
    });
    return { userId: owner.id, sessionsEnded: ended.length };
  },
});

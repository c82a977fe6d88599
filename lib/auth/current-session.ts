import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { log, setLogUser } from "@/lib/log";
import { holdsSavedAdminSession, RESUME_ADMIN_SESSION_PATH } from "@/lib/impersonation/resume-admin-session";
import { TWO_FACTOR_SETUP_PATH } from "@/lib/two-factor/requirement";
import type { SessionStanding } from "./session-standing";
import { resolveRequestSession, type CurrentSession } from "./read-session";
import { recordSessionSeen } from "@/lib/sessions/last-seen";
import { RETURN_PATH_HEADER, signInPathFor } from "./return-path";

/**
 * The signed-in session and its standing, read past the cookie cache so a revoked or ended
 * impersonation session stops working at once (lib/auth/read-session.ts). Memoized per request.
 */
const resolveSession = cache(async () => {
  // headers() first: it marks the page dynamic before anything touches auth or the database.
  const requestHeaders = await headers();
  const resolved = await resolveRequestSession(getDb(), requestHeaders);
  // "Last seen" on the sessions screens: one write per session per few minutes, not per request.
  if (resolved) await recordSessionSeen(getDb(), resolved.session.session);
  return resolved;
});

/** The signed-in session (lib/auth/read-session.ts, CurrentSession). Memoized per request. */
export const getCurrentSession = async (): Promise<CurrentSession | null> =>
  (await resolveSession())?.session ?? null;

/** The session's actor and whether they owe a second factor (lib/auth/session-standing.ts). Memoized per request. */
export const getSessionStanding = async (): Promise<SessionStanding | null> =>
  (await resolveSession())?.standing ?? null;

/**
 * THE choke point: every page (requireActor), server action (defineAction) and route handler
 * resolves its actor here. A user who owes an enrolment has none — they are held on the
 * enrolment screen (and may sign out), and nothing else answers them.
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const standing = await getSessionStanding();
  if (!standing || standing.mustEnrolTwoFactor) return null;
  const { actor } = standing;
  // The request's remaining log lines name who acts, as the audit trail does (the admin while impersonating).
  setLogUser({
    userId: actor.impersonatorId ?? actor.userId,
    impersonatedUserId: actor.impersonatorId && actor.userId,
  });
  log.debug("session resolved");
  return actor;
});

/**
 * For pages: the actor, or a redirect to sign-in that remembers the page asked for (a link from
 * an e-mail lands there after signing in) — or, when an admin's impersonation session has run
 * out, back into the admin's own session (pages cannot set cookies; that route can).
 */
export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (actor) return actor;
  await redirectIfEnrolmentOwed();
  const cookieNames = (await cookies()).getAll().map((cookie) => cookie.name);
  if (holdsSavedAdminSession(cookieNames)) redirect(RESUME_ADMIN_SESSION_PATH);
  redirect(signInPathFor((await headers()).get(RETURN_PATH_HEADER)));
}

/** A signed-in user who owes a second factor goes to the enrolment screen; anyone else stays. */
export async function redirectIfEnrolmentOwed(): Promise<void> {
  if ((await getSessionStanding())?.mustEnrolTwoFactor) redirect(TWO_FACTOR_SETUP_PATH);
}

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/authz/load-actor";
import { log, setLogUser } from "@/lib/log";
import { holdsSavedAdminSession, RESUME_ADMIN_SESSION_PATH } from "@/lib/impersonation/resume-admin-session";
import { getAuth } from "./auth";
import { RETURN_PATH_HEADER, signInPathFor } from "./return-path";

/**
 * The signed-in session, read past the cookie cache so a revoked or ended impersonation
 * session stops working at once. Memoized per request.
 */
export const getCurrentSession = cache(async () => {
  // headers() first: it marks the page dynamic before anything touches auth or the database.
  const requestHeaders = await headers();
  return getAuth().api.getSession({ headers: requestHeaders, query: { disableCookieCache: true } });
});

export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const session = await getCurrentSession();
  if (!session) return null;
  const actor = await loadActor(getDb(), session.user.id, session.session.impersonatedBy ?? null);
  if (!actor) return null;
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
  const cookieNames = (await cookies()).getAll().map((cookie) => cookie.name);
  if (holdsSavedAdminSession(cookieNames)) redirect(RESUME_ADMIN_SESSION_PATH);
  redirect(signInPathFor((await headers()).get(RETURN_PATH_HEADER)));
}

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/authz/load-actor";
import { getAuth } from "./auth";

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
  return loadActor(getDb(), session.user.id, session.session.impersonatedBy ?? null);
});

/** For pages: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (!actor) redirect("/sign-in");
  return actor;
}

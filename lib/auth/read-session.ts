import { createHmac, timingSafeEqual } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryNamed } from "@/db/named-statement";
import { ACTOR_COLUMNS, actorFromRow, type ActorRow, type LoadedActor } from "@/lib/authz/load-actor";
import { getAuth } from "./auth";
import { standingFromLoaded, standingOf, type SessionStanding } from "./session-standing";

/** What of the signed-in session and its user the portal reads (pages, the standing, the sessions screens). */
export interface CurrentSession {
  session: {
    id: string;
    userId: string;
    expiresAt: Date;
    updatedAt: Date;
    impersonatedBy?: string | null;
    twoFactorVerifiedAt?: Date | null;
  };
  user: { id: string; name: string; email: string; twoFactorEnabled?: boolean | null };
}

/**
 * What a request's session cookie came to: nobody signed in; a live session read with its user and
 * actor; or a case better-auth must answer itself — a session to refresh, an expired or unknown
 * one to clear, a cookie cache to clean.
 */
export type SessionRead =
  | { kind: "signed-out" }
  | { kind: "session"; session: CurrentSession; loaded: LoadedActor }
  | { kind: "ask-better-auth" };

/** better-auth's settings the read follows, taken from its own context so the two never disagree. */
interface SessionCookieSettings {
  tokenCookie: string;
  dataCookie: string;
  dontRememberCookie: string;
  secret: string;
  expiresInSeconds: number;
  updateAgeSeconds: number;
}
let settings: Promise<SessionCookieSettings> | undefined;
const sessionCookieSettings = () =>
  (settings ??= getAuth().$context.then((context) => ({
    tokenCookie: context.authCookies.sessionToken.name,
    dataCookie: context.authCookies.sessionData.name,
    dontRememberCookie: context.authCookies.dontRememberToken.name,
    secret: context.secret,
    expiresInSeconds: context.sessionConfig.expiresIn,
    updateAgeSeconds: context.sessionConfig.updateAge,
  })));

/** A cookie's value as better-call reads it: the first of that name, unquoted, URI-decoded. */
function cookieValue(cookieHeader: string, name: string): string | null {
  for (const part of cookieHeader.split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    let value = part.slice(at + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/**
 * The value of a cookie better-auth signed ("<value>.<base64 HMAC-SHA256>", as better-call's
 * getSignedCookie checks it), or null when its signature does not hold.
 */
export function verifiedCookieValue(signedValue: string, secret: string): string | null {
  const dot = signedValue.lastIndexOf(".");
  if (dot < 1) return null;
  const token = signedValue.slice(0, dot);
  const signature = signedValue.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith("=")) return null;
  const expected = createHmac("sha256", secret).update(token).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

type SessionRow = ActorRow & {
  session_id: string;
  session_user_id: string;
  expires_at: string | Date;
  session_updated_at: string | Date;
  impersonated_by: string | null;
  two_factor_verified_at: string | Date | null;
  two_factor_enabled: boolean | null;
};

/**
 * The request's session, its user and the actor in ONE statement (issue 14: every signed-in page
 * resolved them in three — better-auth's session, its user, then the actor). Read past any cookie
 * cache, as before, so a revoked session or an ended impersonation stops working at once.
 *
 * This answers only the common case — a signed cookie naming a live session that needs no refresh;
 * anything else goes to better-auth's getSession, which refreshes (once per `updateAge`), deletes
 * an expired session and clears stale cookies exactly as it always did.
 */
export async function readSessionWithActor(
  db: DbOrTx,
  requestHeaders: Headers,
  now = new Date(),
): Promise<SessionRead> {
  const cookieHeader = requestHeaders.get("cookie");
  if (!cookieHeader) return { kind: "signed-out" };
  const settings = await sessionCookieSettings();
  const signed = cookieValue(cookieHeader, settings.tokenCookie);
  if (!signed) return { kind: "signed-out" };
  const token = verifiedCookieValue(signed, settings.secret);
  if (!token) return { kind: "signed-out" };
  // better-auth clears a session-data cookie it does not use; leave that to it.
  if (cookieHeader.includes(settings.dataCookie)) return { kind: "ask-better-auth" };

  const rows = await queryNamed<SessionRow>(
    db,
    sql`
    SELECT sess.id AS session_id, sess.user_id AS session_user_id, sess.expires_at,
           sess.updated_at AS session_updated_at, sess.impersonated_by, sess.two_factor_verified_at,
           u.two_factor_enabled, ${ACTOR_COLUMNS}
      FROM sessions sess JOIN users u ON u.id = sess.user_id
     WHERE sess.token = ${token}`,
  );
  const row = rows[0];
  if (!row) return { kind: "ask-better-auth" };
  const expiresAt = new Date(row.expires_at);
  // Expired (better-auth deletes it), or due for its refresh: expiresAt - expiresIn + updateAge <= now.
  // A "don't remember me" session is never refreshed — an impersonation's is one (its hour is fixed).
  const dontRemember = cookieValue(cookieHeader, settings.dontRememberCookie);
  const refreshable = !dontRemember || !verifiedCookieValue(dontRemember, settings.secret);
  const refreshDue =
    refreshable &&
    expiresAt.getTime() - settings.expiresInSeconds * 1000 + settings.updateAgeSeconds * 1000 <=
      now.getTime();
  if (expiresAt <= now || refreshDue) return { kind: "ask-better-auth" };

  const impersonatedBy = row.impersonated_by;
  return {
    kind: "session",
    session: {
      session: {
        id: row.session_id,
        userId: row.session_user_id,
        expiresAt,
        updatedAt: new Date(row.session_updated_at),
        impersonatedBy,
        twoFactorVerifiedAt: row.two_factor_verified_at ? new Date(row.two_factor_verified_at) : null,
      },
      user: { id: row.id, name: row.name, email: row.email, twoFactorEnabled: row.two_factor_enabled },
    },
    loaded: actorFromRow(row, impersonatedBy),
  };
}

/**
 * What every page, action and route asks first: the request's session and its standing, or null.
 * The common case is one statement (readSessionWithActor); the rest is better-auth's getSession,
 * then the actor.
 */
export async function resolveRequestSession(
  db: DbOrTx,
  requestHeaders: Headers,
): Promise<{ session: CurrentSession; standing: SessionStanding | null } | null> {
  const read = await readSessionWithActor(db, requestHeaders);
  if (read.kind === "signed-out") return null;
  if (read.kind === "session")
    return { session: read.session, standing: standingFromLoaded(read.session, read.loaded) };
  const session = await getAuth().api.getSession({
    headers: requestHeaders,
    query: { disableCookieCache: true },
  });
  return session ? { session, standing: await standingOf(db, session) } : null;
}

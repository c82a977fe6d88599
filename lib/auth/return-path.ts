/**
 * Where to go back to after signing in: a link from an e-mail (a booking's page) opened while
 * signed out leads through sign-in to that page, not to the home page.
 *
 * proxy.ts copies each page request's path into RETURN_PATH_HEADER (overwriting whatever a
 * client sent); requireActor puts it on the sign-in link as `next`; the sign-in form follows it.
 * Only a path on this site is ever followed — never another origin (an open redirect).
 */
export const RETURN_PATH_HEADER = "x-portal-path";
export const RETURN_PATH_PARAM = "next";

const MAX_LENGTH = 2000;

/** `raw` when it is a path on this site ("/bookings/abc?x=1"), else null. */
export function safeReturnPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > MAX_LENGTH) return null;
  // "//host" and "/\host" are other origins to a browser; control characters have no business here.
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return null;
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  const url = new URL(raw, "http://portal.invalid");
  if (url.origin !== "http://portal.invalid") return null;
  // Back to sign-in (or an API) would be a loop or a blank page.
  if (url.pathname === "/sign-in" || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page, remembering where the person was going (when that is worth remembering). */
export function signInPathFor(returnPath: string | null | undefined): string {
  const path = safeReturnPath(returnPath);
  return path && path !== "/" ? `/sign-in?${RETURN_PATH_PARAM}=${encodeURIComponent(path)}` : "/sign-in";
}

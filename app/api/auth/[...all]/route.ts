import { clientIpFromHeaders, UNKNOWN_IP } from "@/lib/audit/request-context";
import { getAuth } from "@/lib/auth/auth";

/**
 * The better-auth endpoints the browser calls: `authClient.signIn.email` (sign-in form) and
 * `authClient.signOut` (shell). Everything else better-auth serves over HTTP — sign-up, admin
 * (roles, bans, passwords, impersonation), organizations, members, teams, invitations — would let
 * a caller skip lib/authz/policy.ts and the audit row. The portal makes those changes only in its
 * server actions, which call `getAuth().api.*` in-process and never come through this route.
 */
const BROWSER_ENDPOINTS = new Set(["POST /sign-in/email", "POST /sign-out"]);
const BASE_PATH = "/api/auth";

function isBrowserEndpoint(request: Request): boolean {
  const { pathname } = new URL(request.url);
  if (!pathname.startsWith(`${BASE_PATH}/`)) return false;
  return BROWSER_ENDPOINTS.has(`${request.method} ${pathname.slice(BASE_PATH.length)}`);
}

/** Exactly what better-auth answers for a path it does not know, so nothing hints the endpoint exists. */
function notFound(): Response {
  return new Response(null, { status: 404, statusText: "Not Found" });
}

/**
 * better-auth's rate limiter reads x-forwarded-for but gives up on a multi-hop value; hand it the
 * one address the audit records for this request (the trust assumption is in lib/auth/auth.ts).
 */
function withAuditClientIp(request: Request): Request {
  const headers = new Headers(request.headers);
  const ip = clientIpFromHeaders(headers);
  if (ip === UNKNOWN_IP) headers.delete("x-forwarded-for");
  else headers.set("x-forwarded-for", ip);
  return new Request(request, { headers });
}

async function handle(request: Request): Promise<Response> {
  if (!isBrowserEndpoint(request)) return notFound();
  return getAuth().handler(withAuditClientIp(request));
}

export const GET = handle;
export const POST = handle;

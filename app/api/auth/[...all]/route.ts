import { clientIpFromHeaders } from "@/lib/audit/request-context";
import { getAuth } from "@/lib/auth/auth";
import { AUTH_BASE_PATH, BROWSER_AUTH_ENDPOINTS } from "@/lib/auth/auth-endpoint";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address-header";
import { httpStatusOf } from "@/lib/http/error-status";

/**
 * The better-auth endpoints the browser calls (with plain fetch POSTs, lib/auth/auth-endpoint.ts,
 * which holds this allow-list): sign-in (sign-in form), sign-out (shell), the forgot-password
 * pair (app/forgot-password, app/reset-password), and the two-factor steps below (app/sign-in,
 * app/two-factor). Everything else better-auth serves over HTTP — sign-up, admin
 * (roles, bans, passwords, impersonation), organizations, members, teams, invitations — would let
 * a caller skip lib/authz/policy.ts and the audit row. The portal makes those changes only in its
 * server actions, which call `getAuth().api.*` in-process and never come through this route.
 */
const BROWSER_ENDPOINTS = new Set<string>(BROWSER_AUTH_ENDPOINTS);

function isBrowserEndpoint(request: Request): boolean {
  const { pathname } = new URL(request.url);
  if (request.method !== "POST" || !pathname.startsWith(`${AUTH_BASE_PATH}/`)) return false;
  return BROWSER_ENDPOINTS.has(pathname.slice(AUTH_BASE_PATH.length));
}

/**
 * Exactly what better-auth answers for a path it does not know (no body), so nothing hints the
 * endpoint exists; the status comes from the one code → status table like every route's.
 */
function notFound(): Response {
  return new Response(null, { status: httpStatusOf("not_found"), statusText: "Not Found" });
}

/**
 * better-auth's rate limiter (and the session row) read the client address from one header; hand
 * it the address the audit records for this request — the socket's, or what the configured
 * trusted proxies report (TRUSTED_PROXY_HOPS) — and never a value the client wrote itself.
 */
function withAuditClientIp(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set(CLIENT_ADDRESS_HEADER, clientIpFromHeaders(headers));
  return new Request(request, { headers });
}

async function handle(request: Request): Promise<Response> {
  if (!isBrowserEndpoint(request)) return notFound();
  return getAuth().handler(withAuditClientIp(request));
}

export const GET = handle;
export const POST = handle;

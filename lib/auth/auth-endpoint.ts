/**
 * The browser's calls to better-auth's HTTP endpoints, as plain `fetch` POSTs — in place of
 * better-auth's client (`createAuthClient`), which cost ≈ 13 kB gzip of first-load JavaScript on
 * every portal page for the nav's sign-out button alone (issue 14). The endpoints are exactly
 * those app/api/auth/[...all]/route.ts lets through; going over HTTP keeps better-auth's rate
 * limiter and origin check in force (server-side `auth.api.*` calls skip both).
 *
 * The answer has the client's shape, so the forms read it as before: `{ data, error: null }` on
 * a 2xx, else `{ data: null, error: { status, code?, message? } }` with better-auth's JSON error
 * body (its `code` and `message`). A network failure rejects, as the client's call did.
 */
/**
 * The only better-auth endpoints the browser may call, each with POST — the allow-list of
 * app/api/auth/[...all]/route.ts, which answers every other path "not found".
 */
export const BROWSER_AUTH_ENDPOINTS = [
  "/sign-in/email",
  "/sign-out",
  "/request-password-reset",
  "/reset-password",
  // Two-factor (lib/two-factor): the second step of a sign-in (a code, or a backup code), and
  // enrolment — start it with the password, confirm it with the first code (verify-totp again).
  "/two-factor/enable",
  "/two-factor/verify-totp",
  "/two-factor/verify-backup-code",
] as const;

export type AuthEndpoint = (typeof BROWSER_AUTH_ENDPOINTS)[number];

export interface AuthFailure {
  status: number;
  code?: string;
  message?: string;
}

export type AuthAnswer<T> = { data: T; error: null } | { data: null; error: AuthFailure };

export const AUTH_BASE_PATH = "/api/auth";

/** better-auth answers errors with `{ code, message }`; anything else is kept to the status. */
function failureOf(status: number, body: unknown): AuthFailure {
  const fields = body && typeof body === "object" ? (body as Record<string, unknown>) : {};
  return {
    status,
    code: typeof fields.code === "string" ? fields.code : undefined,
    message: typeof fields.message === "string" ? fields.message : undefined,
  };
}

async function jsonOrNull(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** POST `body` as JSON to better-auth's `endpoint` on this site; the session cookie goes along. */
export async function postAuth<T = unknown>(
  endpoint: AuthEndpoint,
  body: Record<string, unknown> = {},
  fetchImpl: typeof fetch = fetch,
): Promise<AuthAnswer<T>> {
  const response = await fetchImpl(`${AUTH_BASE_PATH}${endpoint}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    credentials: "same-origin",
  });
  const parsed = await jsonOrNull(response);
  if (!response.ok) return { data: null, error: failureOf(response.status, parsed) };
  return { data: parsed as T, error: null };
}

import type { ErrorCode } from "@/lib/errors/codes";

/**
 * THE place where a failure becomes an HTTP status. Route handlers (app/api/**, the portal
 * server's webhook path) answer failures through failureResponse / httpStatusOf and never pick a
 * number themselves, so one code means one status everywhere.
 */
export const HTTP_STATUS_OF_CODE = {
  invalid_input: 400,
  session_ended: 401,
  invalid_signature: 401,
  forbidden: 403,
  // Missing and not-yours answer alike (see lib/authz/policy.ts).
  not_found: 404,
  conflict: 409,
  stale: 409,
  slot_taken: 409,
  expired: 410,
  payload_too_large: 413,
  wrong_file_type: 422,
  rate_limited: 429,
  internal: 500,
  upstream_unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

export function httpStatusOf(code: ErrorCode): number {
  return HTTP_STATUS_OF_CODE[code];
}

/** What a failed request's JSON body holds: the same code and sentence an action's failure has. */
export interface FailureBody {
  code: ErrorCode;
  error: string;
}

/** A failure as a route handler's answer: `{ code, error }` as JSON, never cached. */
export function failureResponse(failure: FailureBody, headers?: Record<string, string>): Response {
  return Response.json({ code: failure.code, error: failure.error } satisfies FailureBody, {
    status: httpStatusOf(failure.code),
    headers: { "cache-control": "no-store", ...headers },
  });
}

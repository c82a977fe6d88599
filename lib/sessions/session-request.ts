/**
 * What a sessions action needs from the request beyond the actor: which session it comes with
 * (kept when the others end) and headers for better-auth calls acting on that session. The
 * portal reads them from Next's request (lib/sessions/request-session.ts); tests pass a real
 * signed-in session of their own.
 */
export interface SessionRequest {
  /** The id of the session the request comes with; null when none (then nothing is kept). */
  currentSessionId: () => Promise<string | null>;
  /** The caller's headers (session cookie, client address) for better-auth endpoints. */
  authHeaders: () => Promise<Headers>;
}

/**
 * Every failure a person or a caller is told about carries one of these codes beside its
 * sentence. The sentence may be reworded any day; a code may not: forms, tests and route handlers
 * branch on it, and lib/http/error-status.ts gives each its one HTTP status.
 */
export const ERROR_CODES = {
  invalid_input:
    "the input breaks a rule (field errors say which), or asks for a choice this record does not allow",
  session_ended: "no signed-in person behind the request: sign in again",
  not_found: "missing, or not the actor's to see — the two look the same, so nothing hints a record exists",
  forbidden:
    "the actor sees the record but may not make this change (their own account, an admin, a team not theirs)",
  conflict:
    "the record's present state rules the change out (archived, already a member, already linked, still saving)",
  stale: "the record changed since the page was shown: reload and decide again",
  expired: "a link or form that no longer works (a used or expired invitation, a form from another session)",
  slot_taken: "the appointment time was taken meanwhile: pick another",
  upstream_unavailable:
    "Acuity or the object store did not answer, or answered nonsense; nothing was changed",
  rate_limited: "too many requests for now (Acuity's limit): wait and try again",
  invalid_signature: "a webhook whose signature does not match its body",
  payload_too_large: "a request body over its cap",
  wrong_file_type:
    "an uploaded file's bytes are another type than it claimed (a program renamed .pdf): it was deleted, and sending the same file again will not help",
  internal: "anything else: logged, rolled back, and the person told only that nothing was changed",
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === "string" && Object.hasOwn(ERROR_CODES, value);

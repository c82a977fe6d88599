/**
 * Typed Acuity failures. Each carries the HTTP status, Acuity's `error` code and a
 * `userMessage` a screen can show as-is, so callers never have to phrase transport
 * failures themselves.
 */
export class AcuityError extends Error {
  readonly status: number;
  readonly code: string;
  readonly userMessage: string;

  constructor(options: {
    status: number;
    code: string;
    message: string;
    userMessage: string;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = new.target.name;
    this.status = options.status;
    this.code = options.code;
    this.userMessage = options.userMessage;
  }
}

type Details = { status: number; code: string; message: string; cause?: unknown };

export class AcuitySlotUnavailableError extends AcuityError {
  constructor(d: Details) {
    super({ ...d, userMessage: "That time is no longer available. Please choose another time." });
  }
}

export class AcuityNotFoundError extends AcuityError {
  constructor(d: Details) {
    super({
      ...d,
      userMessage:
        "We couldn't find that appointment in the specialist's calendar. It may have been removed.",
    });
  }
}

export class AcuityRateLimitedError extends AcuityError {
  constructor(d: Details) {
    super({ ...d, userMessage: "The scheduling service is busy right now. Please try again in a minute." });
  }
}

export class AcuityUnavailableError extends AcuityError {
  constructor(d: Details) {
    super({
      ...d,
      userMessage: "The scheduling service isn't responding right now. Please try again shortly.",
    });
  }
}

export class AcuityAuthError extends AcuityError {
  constructor(d: Details) {
    super({
      ...d,
      userMessage: "The connection to the scheduling service isn't set up correctly. Please contact support.",
    });
  }
}

export class AcuityValidationError extends AcuityError {
  constructor(d: Details) {
    // Acuity's 400 messages are written for people ("The field ... is required"), so pass them on.
    super({ ...d, userMessage: `The scheduling service didn't accept these details: ${d.message}` });
  }
}

/** Acuity answered 2xx but with a body we don't understand: a contract change, not a user error. */
export class AcuityResponseError extends AcuityError {
  constructor(d: Details) {
    super({
      ...d,
      userMessage: "The scheduling service sent an unexpected answer. Please try again or contact support.",
    });
  }
}

/** Acuity's error codes for "this slot cannot be booked"; other 400s are plain validation errors. */
const SLOT_ERROR_CODES = new Set([
  "not_available",
  "no_available_calendar",
  "time_not_available",
  "slot_unavailable",
]);

export function isSlotErrorCode(code: string): boolean {
  return SLOT_ERROR_CODES.has(code) || /not_available|unavailable/.test(code);
}

/** Maps a non-2xx Acuity answer (`{status_code, message, error}`) to its typed error. */
export function acuityErrorFromResponse(status: number, body: unknown): AcuityError {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.error === "string" && record.error ? record.error : `http_${status}`;
  const message =
    typeof record.message === "string" && record.message ? record.message : `Acuity answered HTTP ${status}`;
  const details = { status, code, message };

  if (status === 401 || status === 403) return new AcuityAuthError(details);
  if (status === 404) return new AcuityNotFoundError(details);
  if (status === 429) return new AcuityRateLimitedError(details);
  if (status >= 500) return new AcuityUnavailableError(details);
  if (status === 400 || status === 422) {
    return isSlotErrorCode(code)
      ? new AcuitySlotUnavailableError(details)
      : new AcuityValidationError(details);
  }
  return new AcuityValidationError(details);
}

/** A request that never got an HTTP answer (network failure or our own timeout). */
export function acuityErrorFromNetworkFailure(error: unknown): AcuityUnavailableError {
  const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
  return new AcuityUnavailableError({
    status: 0,
    code: timedOut ? "timeout" : "network_error",
    message: timedOut
      ? "Acuity did not answer in time"
      : `Could not reach Acuity: ${error instanceof Error ? error.message : String(error)}`,
    cause: error,
  });
}

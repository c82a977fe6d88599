import { log, LOG_EVENTS } from "@/lib/log";
import type { ErrorCode } from "@/lib/errors/codes";
import { UserFacingError } from "./errors";

/** A failed action: the stable code (lib/errors/codes.ts), the sentence shown, per-field messages. */
export interface ActionFailure {
  ok: false;
  code: ErrorCode;
  error: string;
  fieldErrors: Record<string, string[]>;
}

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

export const success = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const failure = (
  code: ErrorCode,
  error: string,
  fieldErrors: Record<string, string[]> = {},
): ActionFailure => ({ ok: false, code, error, fieldErrors });

/**
 * The result for a thrown error: a UserFacingError's own words, anything else logged and
 * reported as "nothing was changed" (true: it was thrown inside the rolled-back transaction).
 */
export function failureFromError(error: unknown, logLabel = "action failed"): ActionFailure {
  if (error instanceof UserFacingError) return failure(error.code, error.message, error.fieldErrors);
  log.error({ event: LOG_EVENTS.actionFailed, err: error }, logLabel);
  return failure("internal", "Something went wrong and nothing was changed. Please try again.");
}

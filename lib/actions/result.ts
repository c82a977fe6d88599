import { log, LOG_EVENTS } from "@/lib/log";
import { UserFacingError } from "./errors";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors: Record<string, string[]> };

export const success = <T>(data: T): ActionResult<T> => ({ ok: true, data });
export const failure = (error: string, fieldErrors: Record<string, string[]> = {}): ActionResult<never> => ({
  ok: false,
  error,
  fieldErrors,
});

/**
 * The result for a thrown error: a UserFacingError's own words, anything else logged and
 * reported as "nothing was changed" (true: it was thrown inside the rolled-back transaction).
 */
export function failureFromError(error: unknown, logLabel = "action failed"): ActionResult<never> {
  if (error instanceof UserFacingError) return failure(error.message, error.fieldErrors);
  log.error({ event: LOG_EVENTS.actionFailed, err: error }, logLabel);
  return failure("Something went wrong and nothing was changed. Please try again.");
}

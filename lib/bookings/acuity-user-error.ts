import { UserFacingError } from "@/lib/actions/errors";
import {
  AcuityError,
  AcuityNotFoundError,
  AcuityRateLimitedError,
  AcuitySlotUnavailableError,
  AcuityValidationError,
} from "@/lib/acuity";
import type { ErrorCode } from "@/lib/errors/codes";

export const SLOT_TAKEN = "That time was just taken — pick another.";

/** The stable code of an Acuity failure; its sentence is the error's own `userMessage`. */
export function acuityErrorCode(error: AcuityError): ErrorCode {
  if (error instanceof AcuitySlotUnavailableError) return "slot_taken";
  if (error instanceof AcuityRateLimitedError) return "rate_limited";
  if (error instanceof AcuityValidationError) return "invalid_input";
  if (error instanceof AcuityNotFoundError) return "not_found";
  // Unreachable, timed out, an answer that made no sense, or our credentials refused: nothing
  // the person can fix by changing what they typed.
  return "upstream_unavailable";
}

/** An Acuity refusal inside a booking change, as a message the user can act on. */
export function acuityUserError(error: unknown): unknown {
  if (error instanceof AcuitySlotUnavailableError)
    return new UserFacingError("slot_taken", SLOT_TAKEN, { datetime: [SLOT_TAKEN] });
  if (error instanceof AcuityError)
    return new UserFacingError(acuityErrorCode(error), `${error.userMessage} Nothing was changed.`);
  return error;
}

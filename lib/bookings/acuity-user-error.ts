import { UserFacingError } from "@/lib/actions/errors";
import { AcuityError, AcuitySlotUnavailableError } from "@/lib/acuity";

export const SLOT_TAKEN = "That time was just taken — pick another.";

/** An Acuity refusal inside a booking change, as a message the user can act on. */
export function acuityUserError(error: unknown): unknown {
  if (error instanceof AcuitySlotUnavailableError)
    return new UserFacingError(SLOT_TAKEN, { datetime: [SLOT_TAKEN] });
  if (error instanceof AcuityError) return new UserFacingError(`${error.userMessage} Nothing was changed.`);
  return error;
}

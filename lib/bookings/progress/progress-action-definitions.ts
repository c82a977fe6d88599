import { UserFacingError } from "@/lib/actions/errors";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { canChangeSomeProgress, canCorrectProgress } from "@/lib/authz/policy";
import { changeProgress, type ProgressSideEffect } from "./change-progress";
import { changeProgressSchema, correctProgressSchema } from "./schemas";

type Result = { bookingId: string; progress: string };

/**
 * The progress actions, as definitions for defineAction: the app wires them to the session
 * and the real Acuity client; tests wire them to a fixture actor and the emulator.
 * Reschedule needs a new time, so it goes through the booking flow, never through here.
 */
export function changeProgressDefinition(
  sideEffect: () => ProgressSideEffect,
): ActionDefinition<typeof changeProgressSchema, Result> {
  return {
    input: changeProgressSchema,
    authorize: canChangeSomeProgress,
    run: ({ tx, actor, auditContext }, input) =>
      changeProgress(
        tx,
        { actor, auditContext },
        { ...input, asCorrection: false },
        async (kind, booking) => {
          if (kind === "reschedule")
            throw new UserFacingError(
              "invalid_input",
              "Rescheduling needs a new time: use Reschedule on the booking page.",
            );
          await sideEffect()(kind, booking);
        },
      ),
  };
}

/** Admin corrections change the portal's record only; Acuity is not told (see ProgressSideEffect). */
export function correctProgressDefinition(): ActionDefinition<typeof correctProgressSchema, Result> {
  return {
    input: correctProgressSchema,
    authorize: canCorrectProgress,
    run: ({ tx, actor, auditContext }, input) =>
      changeProgress(tx, { actor, auditContext }, { ...input, asCorrection: true }, () =>
        Promise.reject(new Error("A correction must not change the appointment in Acuity.")),
      ),
  };
}

/**
 * The booking mutations as action definitions. app/(portal)/bookings/**\/actions.ts wraps each
 * with defineAction; tests wrap the same definitions with their own actor resolver. All three
 * use the manual-transaction variant: Acuity is called around the database write.
 */
import type { ManualActionDefinition } from "@/lib/actions/define-action";
import { getAcuityClient } from "@/lib/acuity";
import { canBookForAnyOrganization } from "@/lib/authz/policy";
import { cancelBooking } from "./cancel-booking";
import { createBooking, type CreateBookingResult } from "./create-booking";
import { rescheduleBooking } from "./reschedule-booking";
import { cancelBookingSchema, createBookingSchema, rescheduleBookingSchema } from "./schemas";

export const createBookingDefinition: ManualActionDefinition<
  typeof createBookingSchema,
  CreateBookingResult
> = {
  input: createBookingSchema,
  authorize: canBookForAnyOrganization,
  transaction: "manual",
  run: ({ db, actor, auditContext }, input) =>
    createBooking({ db, acuity: getAcuityClient() }, { actor, auditContext }, input),
};

export const rescheduleBookingDefinition: ManualActionDefinition<
  typeof rescheduleBookingSchema,
  { bookingId: string; appointmentDate: Date }
> = {
  input: rescheduleBookingSchema,
  // Record-level: changeProgress asks canViewBooking and the state machine (canSetProgress).
  authorize: () => true,
  transaction: "manual",
  run: ({ db, actor, auditContext }, input) =>
    rescheduleBooking({ db, acuity: getAcuityClient() }, { actor, auditContext }, input),
};

export const cancelBookingDefinition: ManualActionDefinition<
  typeof cancelBookingSchema,
  { bookingId: string }
> = {
  input: cancelBookingSchema,
  authorize: () => true,
  transaction: "manual",
  run: ({ db, actor, auditContext }, input) =>
    cancelBooking({ db, acuity: getAcuityClient() }, { actor, auditContext }, input),
};

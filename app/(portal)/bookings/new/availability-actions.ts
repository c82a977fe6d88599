"use server";
/**
 * Reads for the time picker (month of free dates, times of a day). Not mutations, so not
 * defineAction — but the same gate: a signed-in actor the policy lets book, zod-parsed input.
 */
import { z } from "zod";
import { getDb } from "@/db/client";
import { APPOINTMENT_TYPES } from "@/db/schema/enums";
import { failure, success, type ActionResult } from "@/lib/actions/result";
import { AcuityError } from "@/lib/acuity";
import { acuityErrorCode } from "@/lib/bookings/acuity-user-error";
import { getCurrentActor } from "@/lib/auth/current-session";
import { canBookForAnyOrganization } from "@/lib/authz/policy";
import { getAvailableDates } from "@/lib/availability/available-dates";
import { getAvailableTimes, type AvailableSlot } from "@/lib/availability/available-times";
import { calendarQuery } from "@/lib/availability/calendar-of";
import { getActiveSpecialist } from "@/lib/specialists/get-active-specialist";

const base = z.object({
  specialistId: z.string().min(1).max(255),
  appointmentType: z.enum(APPOINTMENT_TYPES),
});
const datesInput = base.extend({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) });
const timesInput = base.extend({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });

async function withCalendar<T>(
  raw: z.input<typeof datesInput> | z.input<typeof timesInput>,
  schema: typeof datesInput | typeof timesInput,
  read: (query: ReturnType<typeof calendarQuery>, input: Record<string, string>) => Promise<T>,
): Promise<ActionResult<T>> {
  const actor = await getCurrentActor();
  if (!actor) return failure("session_ended", "Your session has ended — sign in again.");
  if (!canBookForAnyOrganization(actor)) return failure("not_found", "Not found.");
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return failure("invalid_input", "That month or day could not be read.");
  const specialist = await getActiveSpecialist(getDb(), parsed.data.specialistId);
  if (!specialist) return failure("not_found", "That specialist was not found.");
  try {
    return success(
      await read(
        calendarQuery(specialist, parsed.data.appointmentType),
        parsed.data as Record<string, string>,
      ),
    );
  } catch (error) {
    if (error instanceof AcuityError) return failure(acuityErrorCode(error), error.userMessage);
    throw error;
  }
}

export async function loadAvailableDates(raw: z.input<typeof datesInput>): Promise<ActionResult<string[]>> {
  return withCalendar(raw, datesInput, (query, input) =>
    getAvailableDates({ ...query, month: input.month! }),
  );
}

export async function loadAvailableTimes(
  raw: z.input<typeof timesInput>,
): Promise<ActionResult<AvailableSlot[]>> {
  return withCalendar(raw, timesInput, (query, input) => getAvailableTimes({ ...query, date: input.date! }));
}

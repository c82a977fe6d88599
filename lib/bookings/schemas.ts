/** One zod schema per booking operation, shared by the forms and the server actions. */
import { z } from "zod";
import { APPOINTMENT_TYPES, PROGRESS_STAGES } from "@/db/schema/enums";
import { isAcuityDatetime } from "@/lib/acuity/datetime";
import { normalizePhone } from "./phone";

const id = z.string().trim().min(1).max(255);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters`)
    .optional()
    .transform((value) => value || null);

/** A slot as Acuity gave it: ISO with an offset, sent back verbatim. */
export const slotDatetime = z
  .string({ error: "Pick a time" })
  .min(1, "Pick a time")
  .refine(isAcuityDatetime, "Pick a time from the list");

export const createBookingSchema = z.object({
  /** One per rendered form: a double submit or a resubmission makes one booking. */
  idempotencyKey: z.string().trim().min(8).max(100),
  specialistId: id,
  appointmentType: z.enum(APPOINTMENT_TYPES, { error: "Choose in person or telehealth" }),
  datetime: slotDatetime,
  organizationId: id,
  teamId: z
    .string()
    .trim()
    .max(255)
    .optional()
    .transform((value) => value || null),
  examineeName: z.string().trim().min(2, "Enter the examinee's full name").max(255, "Keep the name under 255 characters"),
  examineePhone: z
    .string()
    .trim()
    .min(1, "Enter the examinee's phone number")
    .transform((value, ctx) => {
      const e164 = normalizePhone(value);
      if (!e164) {
        ctx.addIssue({ code: "custom", message: "Enter a valid phone number, e.g. (212) 555-0100 or +44 20 7946 0958" });
        return z.NEVER;
      }
      return e164;
    }),
  examineeEmail: z
    .union([z.literal(""), z.email("Enter a valid e-mail address or leave it empty")])
    .optional()
    .transform((value) => value || null),
  notes: optionalText(2000),
});
export type CreateBookingInput = z.infer<typeof createBookingSchema>;

export const rescheduleBookingSchema = z.object({
  bookingId: id,
  /** The stage the user saw: if the booking moved since, nothing is changed. */
  expectedProgress: z.enum(PROGRESS_STAGES),
  /**
   * The appointment time the user saw. A reschedule stays `rescheduled`, so the stage alone
   * cannot tell that someone else moved the booking meanwhile; the time can.
   */
  expectedAppointmentDate: z.iso.datetime({ offset: true, error: "Reload the booking and pick the time again" }),
  datetime: slotDatetime,
  note: optionalText(1000),
});
export type RescheduleBookingInput = z.infer<typeof rescheduleBookingSchema>;

export const cancelBookingSchema = z.object({
  bookingId: id,
  expectedProgress: z.enum(PROGRESS_STAGES),
  reason: z.string().trim().min(3, "Say why the booking is cancelled").max(1000, "Keep the reason under 1000 characters"),
});
export type CancelBookingInput = z.infer<typeof cancelBookingSchema>;

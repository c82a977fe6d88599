/** One zod schema per booking operation, shared by the forms and the server actions. */
import { z } from "zod";
import { APPOINTMENT_TYPES, PROGRESS_STAGES } from "@/db/schema/enums";
import { isAcuityDatetime, parseAcuityDatetime } from "@/lib/acuity/datetime";
import { atMost, LIMITS, recordIdField, SEED_BOUNDS } from "@/lib/validation/limits";
import { normalizePhone } from "./phone";
import { referralDetailsFields, type ReferralDetails, type ReferralField } from "./referral-details";

const id = recordIdField();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, atMost(max))
    .optional()
    .transform((value) => value || null);

/** What a past time is told: Acuity would only say "not available", which reads as "just taken". */
export const PAST_TIME_MESSAGE = "That time is in the past — pick a later one";

/** A slot as Acuity gave it: ISO with an offset, sent back verbatim — and still ahead of us. */
export const slotDatetime = z
  .string({ error: "Pick a time" })
  .min(1, "Pick a time")
  .max(40, "Pick a time from the list")
  .refine(isAcuityDatetime, "Pick a time from the list")
  .refine(
    (value) => !isAcuityDatetime(value) || parseAcuityDatetime(value).getTime() > Date.now(),
    PAST_TIME_MESSAGE,
  );

export const createBookingSchema = z.object({
  /** One per rendered form: a double submit or a resubmission makes one booking. */
  idempotencyKey: z
    .string()
    .trim()
    .min(8, "Reload the page and try again")
    .max(100, "Reload the page and try again"),
  specialistId: id,
  appointmentType: z.enum(APPOINTMENT_TYPES, { error: "Choose in person or telehealth" }),
  datetime: slotDatetime,
  organizationId: id,
  teamId: z
    .string()
    .trim()
    .max(LIMITS.id, "Choose one of your teams")
    .optional()
    .transform((value) => value || null),
  examineeName: z
    .string()
    .trim()
    .min(2, "Enter the examinee's full name")
    .max(SEED_BOUNDS.examineeName, atMost(SEED_BOUNDS.examineeName)),
  examineePhone: z
    .string()
    .trim()
    .min(1, "Enter the examinee's phone number")
    .max(SEED_BOUNDS.examineePhone, atMost(SEED_BOUNDS.examineePhone))
    .transform((value, ctx) => {
      const e164 = normalizePhone(value);
      if (!e164) {
        ctx.addIssue({
          code: "custom",
          message: "Enter a valid phone number, e.g. (212) 555-0100 or +44 20 7946 0958",
        });
        return z.NEVER;
      }
      return e164;
    }),
  examineeEmail: z
    .string()
    .trim()
    .max(SEED_BOUNDS.examineeEmail, `An e-mail address has at most ${SEED_BOUNDS.examineeEmail} characters`)
    .pipe(z.union([z.literal(""), z.email("Enter a valid e-mail address or leave it empty")]))
    .optional()
    .transform((value) => value || null),
  notes: optionalText(LIMITS.note),
  /** Referral details (claim number, date of injury, report type, reference): all optional. */
  ...referralDetailsFields,
});
/** What booking takes: the parsed form; the referral details may be left out by other writers (a bench). */
export type CreateBookingInput = Omit<z.infer<typeof createBookingSchema>, ReferralField> &
  Partial<ReferralDetails>;

export const rescheduleBookingSchema = z.object({
  bookingId: id,
  /** The stage the user saw: if the booking moved since, nothing is changed. */
  expectedProgress: z.enum(PROGRESS_STAGES),
  /**
   * The appointment time the user saw. A reschedule stays `rescheduled`, so the stage alone
   * cannot tell that someone else moved the booking meanwhile; the time can.
   */
  expectedAppointmentDate: z
    .string()
    .max(40, "Reload the booking and pick the time again")
    .pipe(z.iso.datetime({ offset: true, error: "Reload the booking and pick the time again" })),
  datetime: slotDatetime,
  note: optionalText(LIMITS.reason),
});
export type RescheduleBookingInput = z.infer<typeof rescheduleBookingSchema>;

export const cancelBookingSchema = z.object({
  bookingId: id,
  expectedProgress: z.enum(PROGRESS_STAGES),
  reason: z
    .string()
    .trim()
    .min(3, "Say why the booking is cancelled")
    .max(LIMITS.reason, atMost(LIMITS.reason)),
});
export type CancelBookingInput = z.infer<typeof cancelBookingSchema>;

import { z } from "zod";
import { BOOKING_STATUSES, PROGRESS_STAGES } from "@/db/schema/enums";
import { atMost, LIMITS, recordIdField } from "@/lib/validation/limits";

const bookingIds = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).filter(Boolean))
  .pipe(
    z
      .array(recordIdField())
      .min(1, "Select at least one booking")
      .max(500, "Select at most 500 bookings at once"),
  );

const note = z.string().trim().max(LIMITS.reason, atMost(LIMITS.reason));

export const setBookingStatusSchema = z.object({
  bookingIds,
  to: z.enum(BOOKING_STATUSES),
  note: note.optional(),
});
export const markPaymentReceivedSchema = z.object({ bookingIds });
export const correctStageSchema = z.object({
  bookingId: recordIdField(),
  expectedFrom: z.enum(PROGRESS_STAGES),
  to: z.enum(PROGRESS_STAGES),
  note: note.min(3, "A correction needs a note saying why"),
});
/** Accepts `organizationId` + `teamId`, or the picker's single `target` = "organizationId|teamId". */
const splitTarget = (raw: unknown) => {
  if (!raw || typeof raw !== "object" || !("target" in raw) || typeof raw.target !== "string") return raw;
  const [organizationId, teamId] = raw.target.split("|");
  return { ...raw, organizationId, teamId };
};

export const moveBookingSchema = z.preprocess(
  splitTarget,
  z.object({
    bookingId: recordIdField(),
    organizationId: recordIdField("Choose an organization"),
    teamId: z
      .string()
      .max(LIMITS.id, "Choose a team of this organization")
      .optional()
      .transform((value) => value || null),
  }),
);

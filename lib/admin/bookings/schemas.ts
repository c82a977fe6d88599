import { z } from "zod";
import { BOOKING_STATUSES, PROGRESS_STAGES } from "@/db/schema/enums";

const bookingIds = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : [value]).filter(Boolean))
  .pipe(z.array(z.string().min(1)).min(1, "Select at least one booking").max(500, "Select at most 500 bookings at once"));

export const setBookingStatusSchema = z.object({ bookingIds, to: z.enum(BOOKING_STATUSES), note: z.string().trim().max(1000).optional() });
export const markPaymentReceivedSchema = z.object({ bookingIds });
export const correctStageSchema = z.object({
  bookingId: z.string().min(1),
  expectedFrom: z.enum(PROGRESS_STAGES),
  to: z.enum(PROGRESS_STAGES),
  note: z.string().trim().min(3, "A correction needs a note saying why").max(1000),
});
/** Accepts `organizationId` + `teamId`, or the picker's single `target` = "organizationId|teamId". */
const splitTarget = (raw: unknown) => {
  if (!raw || typeof raw !== "object" || !("target" in raw) || typeof raw.target !== "string") return raw;
  const [organizationId, teamId] = raw.target.split("|");
  return { ...raw, organizationId, teamId };
};

export const moveBookingSchema = z.preprocess(splitTarget, z.object({
  bookingId: z.string().min(1),
  organizationId: z.string().min(1, "Choose an organization"),
  teamId: z
    .string()
    .optional()
    .transform((value) => value || null),
}));

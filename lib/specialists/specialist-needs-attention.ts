import { and, eq, gt, inArray, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { AWAITING_EXAM_STAGES } from "@/lib/bookings/progress/stage-groups";
import { selectSpecialistBookings, type SpecialistBookingRow } from "./specialist-booking-rows";

/** How long before the examination a missing brief becomes a problem. */
export const BRIEF_DUE_BEFORE_MS = 2 * 86_400_000;

export type AttentionReason = "missing_brief" | "confirm_attendance";

export interface AttentionItem {
  reason: AttentionReason;
  booking: SpecialistBookingRow;
}

/**
 * What the viewer should act on: examinations in the next two days still without a brief
 * (soonest first), and past examinations nobody has confirmed — took place or no-show
 * (oldest first).
 */
export async function listNeedsAttention(db: DbOrTx, viewer: Actor, now: Date): Promise<AttentionItem[]> {
  const rows = await selectSpecialistBookings(
    db,
    viewer,
    and(
      eq(bookings.status, "active"),
      inArray(bookings.currentProgress, AWAITING_EXAM_STAGES),
      or(
        lte(bookings.appointmentDate, now),
        and(
          gt(bookings.appointmentDate, now),
          lte(bookings.appointmentDate, new Date(now.getTime() + BRIEF_DUE_BEFORE_MS)),
        ),
      ),
    ),
  );
  const missingBrief = rows.filter((row) => row.appointmentDate > now && !row.hasBrief);
  const unconfirmed = rows.filter((row) => row.appointmentDate <= now);
  return [
    ...missingBrief.map((booking) => ({ reason: "missing_brief" as const, booking })),
    ...unconfirmed.map((booking) => ({ reason: "confirm_attendance" as const, booking })),
  ];
}

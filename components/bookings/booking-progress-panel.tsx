import type { Actor } from "@/lib/authz/actor";
import type { BookingForViewer } from "@/lib/bookings/get-booking";

/**
 * The booking page's progress section: timeline and the moves this viewer may make now.
 * Slot owned by the specialist-workspace work (issue 6); the booking page renders it as is.
 */
export async function BookingProgressPanel(_props: { booking: BookingForViewer; actor: Actor }) {
  return null;
}

import type { Actor } from "@/lib/authz/actor";
import type { BookingForViewer } from "@/lib/bookings/get-booking";

/**
 * The booking page's documents section: list, upload, download.
 * Slot owned by the documents work (issue 5); the booking page renders it as is.
 */
export async function BookingDocumentsSection(_props: { booking: BookingForViewer; actor: Actor }) {
  return null;
}

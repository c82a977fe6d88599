// TEMPORARY (issue 5 branch only): shows the documents section until the booking page exists. Delete before the final commit.
import { notFound } from "next/navigation";
import { BookingDocumentsSection } from "@/components/documents/booking-documents-section";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { getBookingForViewer } from "@/lib/bookings/get-booking";

export default async function DevDocumentsPage({ params }: { params: Promise<{ bookingId: string }> }) {
  const actor = await requireActor();
  const { bookingId } = await params;
  const booking = await getBookingForViewer(getDb(), actor, bookingId);
  if (!booking) notFound();
  return (
    <div>
      <h1 className="text-2xl font-semibold">{booking.booking.examineeName}</h1>
      <BookingDocumentsSection booking={booking} actor={actor} />
    </div>
  );
}

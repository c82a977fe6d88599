// TEMPORARY (issue-6 branch only): a look at the progress panel before the booking page exists.
import { notFound } from "next/navigation";
import { BookingProgressPanel } from "@/components/bookings/booking-progress-panel";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { getBookingForViewer } from "@/lib/bookings/get-booking";

export default async function DevProgressPage({ params }: { params: Promise<{ bookingId: string }> }) {
  const { bookingId } = await params;
  const actor = await requireActor();
  const booking = await getBookingForViewer(getDb(), actor, bookingId);
  if (!booking) notFound();
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-xl font-semibold">{booking.booking.examineeName}</h1>
      <BookingProgressPanel booking={booking} actor={actor} />
    </div>
  );
}

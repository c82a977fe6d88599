import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { ZonedTime } from "./zoned-time";

/**
 * A history entry that moved the appointment: the old time → the new one, written as examination
 * times are everywhere (the specialist's zone, the viewer's clock under it when it differs).
 */
export async function AppointmentMove({ from, to, zone }: { from: Date; to: Date; zone: string }) {
  const viewerZone = await viewerTimeZone();
  return (
    <p className="mt-1 flex flex-wrap items-start gap-2 text-slate-700" data-testid="progress-entry-move">
      <span className="text-slate-600">Appointment moved from</span>
      <ZonedTime instant={from} zone={zone} viewerZone={viewerZone} />
      <span className="text-slate-600">to</span>
      <ZonedTime instant={to} zone={zone} viewerZone={viewerZone} />
    </p>
  );
}

import { getCurrentActor } from "@/lib/auth/current-session";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { handleLatestNotifications } from "@/lib/notifications/latest-handler";

export async function GET() {
  return handleLatestNotifications(getCurrentActor, viewerTimeZone);
}

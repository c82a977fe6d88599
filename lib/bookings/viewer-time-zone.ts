import { cookies } from "next/headers";
import { isValidTimeZone } from "@/lib/time/zoned";

/** Set by the browser (components/bookings/viewer-time-zone-sync.tsx) to its IANA zone. */
export const VIEWER_TIME_ZONE_COOKIE = "viewer_tz";

/** The viewer's zone from their browser's cookie, or null before the browser has told us. */
export async function viewerTimeZone(): Promise<string | null> {
  const zone = (await cookies()).get(VIEWER_TIME_ZONE_COOKIE)?.value;
  return zone && isValidTimeZone(zone) ? zone : null;
}

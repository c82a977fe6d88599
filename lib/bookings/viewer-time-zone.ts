import { cookies } from "next/headers";

/** Set by the browser (components/bookings/viewer-time-zone-sync.tsx) to its IANA zone. */
export const VIEWER_TIME_ZONE_COOKIE = "viewer_tz";

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The viewer's zone from their browser's cookie, or null before the browser has told us. */
export async function viewerTimeZone(): Promise<string | null> {
  const zone = (await cookies()).get(VIEWER_TIME_ZONE_COOKIE)?.value;
  return zone && isValidTimeZone(zone) ? zone : null;
}

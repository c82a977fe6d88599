"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const COOKIE = "viewer_tz";

/**
 * Tells the server the browser's time zone (a cookie), so pages can show times in the
 * viewer's zone beside the specialist's. Re-renders once on the first visit or after travel.
 */
export function ViewerTimeZoneSync({ current }: { current: string | null }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === current) return;
    document.cookie = `${COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [current, router]);
  return null;
}

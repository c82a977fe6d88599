"use client";
import { useSyncExternalStore } from "react";

/** Below Tailwind's `sm` (640 px): where the bookings list shows cards instead of the table. */
const NARROW = "(max-width: 639.98px)";

function subscribe(onChange: () => void) {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Whether the screen is narrow, following resizes and rotation. The server cannot measure: it
 * renders with `serverGuess` (from the request, lib/device/phone-request.ts) and hydration keeps
 * that, then switches if the real width says otherwise.
 */
export function useNarrowScreen(serverGuess: boolean): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => serverGuess,
  );
}

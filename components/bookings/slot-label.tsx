"use client";
import { useSyncExternalStore } from "react";
import type { DateStyle } from "@/lib/time/people-time";
import { ZonedTime } from "./zoned-time";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const subscribe = () => () => {};

/**
 * A free slot's time in the specialist's zone, and the viewer's own (with its date when that is
 * another day) read from the browser. The server has no browser zone, so it renders the
 * specialist's time only and the viewer's appears on hydration.
 */
export function SlotLabel({
  startsAt,
  timeZone,
  dateStyle = "none",
}: {
  startsAt: string;
  timeZone: string;
  dateStyle?: DateStyle;
}) {
  const viewerZone = useSyncExternalStore(subscribe, browserZone, () => null);
  return (
    <ZonedTime
      instant={new Date(startsAt)}
      zone={timeZone}
      viewerZone={viewerZone}
      dateStyle={dateStyle}
      secondaryClassName="text-[11px] font-normal opacity-90"
    />
  );
}

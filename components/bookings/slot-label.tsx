"use client";
import { useSyncExternalStore } from "react";

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
const subscribe = () => () => {};

const format = (instant: Date, timeZone: string, timeZoneName: "short" | "longOffset") =>
  new Intl.DateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit", timeZoneName }).format(instant);

/** A slot's time in the specialist's zone, and the viewer's own when its clock differs. */
export function SlotLabel({ startsAt, timeZone }: { startsAt: string; timeZone: string }) {
  const viewerZone = useSyncExternalStore(subscribe, browserZone, () => null);
  const instant = new Date(startsAt);
  const differs = viewerZone !== null && format(instant, viewerZone, "longOffset") !== format(instant, timeZone, "longOffset");
  return (
    <span className="flex flex-col leading-tight">
      <span>{format(instant, timeZone, "short")}</span>
      {differs && <span className="text-[11px] opacity-75">{format(instant, viewerZone, "short")} yours</span>}
    </span>
  );
}

import { formatInZone } from "@/lib/time/zoned";

/**
 * An appointment time in the specialist's calendar zone, with the viewer's own zone beside it
 * when the two differ (so nobody converts in their head).
 */
export function ZonedTime({
  instant,
  zone,
  viewerZone,
  compact = false,
}: {
  instant: Date;
  zone: string;
  viewerZone: string | null;
  compact?: boolean;
}) {
  const options: Intl.DateTimeFormatOptions = compact ? { weekday: undefined, year: undefined } : {};
  const differs = viewerZone !== null && formatInZone(instant, zone, { timeZoneName: "longOffset" }) !== formatInZone(instant, viewerZone, { timeZoneName: "longOffset" });
  return (
    <span className="inline-flex flex-col leading-tight">
      <time dateTime={instant.toISOString()}>{formatInZone(instant, zone, options)}</time>
      {differs && <span className="text-xs text-slate-500">{formatInZone(instant, viewerZone, options)} your time</span>}
    </span>
  );
}

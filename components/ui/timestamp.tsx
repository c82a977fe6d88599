import { timestampLabel } from "@/lib/time/two-clocks";

/**
 * A moment that is not an examination time (uploaded, booked, changed, audited): in the
 * viewer's zone with the zone named, UTC until their browser has told us its zone.
 */
export function Timestamp({
  instant,
  viewerZone,
  className,
}: {
  instant: Date;
  viewerZone: string | null;
  className?: string;
}) {
  return (
    <time dateTime={instant.toISOString()} className={className}>
      {timestampLabel(instant, viewerZone)}
    </time>
  );
}

import type { DateStyle } from "@/lib/time/people-time";
import { examinationTime } from "@/lib/time/two-clocks";
import { ZonedTimeText } from "./zoned-time-text";

/**
 * An examination time as the time display rule writes it: the specialist's calendar zone, and
 * under it the viewer's clock when that differs — with the viewer's date whenever it is another
 * day. No hooks: renders on the server and inside client components alike.
 */
export function ZonedTime({
  instant,
  zone,
  viewerZone,
  dateStyle = "weekdayYear",
  secondaryClassName = "text-xs text-slate-500",
}: {
  instant: Date;
  zone: string;
  viewerZone: string | null;
  dateStyle?: DateStyle;
  /** Inside a coloured button the second line takes the button's colour instead. */
  secondaryClassName?: string;
}) {
  const { primary, secondary } = examinationTime(instant, zone, viewerZone, dateStyle);
  return (
    <ZonedTimeText
      iso={instant.toISOString()}
      primary={primary}
      secondary={secondary}
      secondaryClassName={secondaryClassName}
    />
  );
}

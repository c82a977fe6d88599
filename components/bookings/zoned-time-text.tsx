/**
 * The two clocks of the time display rule as markup, from words already worked out: the
 * specialist's calendar time and, when it differs, the viewer's under it. ZonedTime works the words
 * out where it renders; a client view given them as data (components/homes/home-line-views.tsx)
 * draws them here without the time library.
 */
export function ZonedTimeText({
  iso,
  primary,
  secondary,
  secondaryClassName = "text-xs text-slate-500",
}: {
  /** The instant, for <time dateTime>. */
  iso: string;
  primary: string;
  /** The viewer's clock when it differs, else null. */
  secondary: string | null;
  secondaryClassName?: string;
}) {
  return (
    <span className="zoned-time">
      <time dateTime={iso}>{primary}</time>
      {secondary && (
        <span className={secondaryClassName} data-testid="viewer-time">
          {`${secondary} your time`}
        </span>
      )}
    </span>
  );
}

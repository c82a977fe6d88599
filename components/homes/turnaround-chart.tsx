"use client";
import dynamic from "next/dynamic";

export interface TurnaroundSeries {
  specialistId: string;
  name: string;
  /** Median days per month label; null when no report was marked ready that month. */
  values: (number | null)[];
}

/**
 * Recharts (≈ 130 kB gzip) stays out of /admin's first load (issue 14): the drawing is fetched
 * after the page has shown, in the browser only (it measures its box). Until it arrives the box
 * is already there, named, at its final size — nothing shifts, and the table below the chart
 * (server-rendered) has every number either way.
 */
const Drawing = dynamic(() => import("./turnaround-chart-drawing"), { ssr: false });

/**
 * Median days from examination to report, one line per specialist across the months. The
 * picture is `role="img"` with a name; the page's table holds every specialist's numbers.
 */
export function TurnaroundChart({
  months,
  series,
  name,
}: {
  months: string[];
  series: TurnaroundSeries[];
  name: string;
}) {
  return (
    <div role="img" aria-label={name} className="h-72 w-full overflow-hidden" data-testid="chart-turnaround">
      <Drawing months={months} series={series} />
    </div>
  );
}

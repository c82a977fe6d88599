"use client";
import dynamic from "next/dynamic";
import type { ProgressStage } from "@/db/schema/enums";

export interface WeeklyStageBar {
  /** "Nov 30" — the week's Monday, written on the server. */
  label: string;
  counts: Record<ProgressStage, number>;
}

/**
 * Recharts (≈ 130 kB gzip) stays out of /admin's first load (issue 14): the drawing is fetched
 * after the page has shown, in the browser only (it measures its box). Until it arrives the box
 * is already there, named, at its final size — nothing shifts, and the table below the chart
 * (server-rendered) has every number either way.
 */
const Drawing = dynamic(() => import("./weekly-stage-chart-drawing"), { ssr: false });

/**
 * Bookings per week by stage as stacked bars. The picture is `role="img"` with a name; the
 * numbers themselves are in the table the page renders beside it (WCAG 1.1.1).
 */
export function WeeklyStageChart({ weeks, name }: { weeks: WeeklyStageBar[]; name: string }) {
  return (
    <div
      role="img"
      aria-label={name}
      className="h-72 w-full overflow-hidden"
      data-testid="chart-weekly-stages"
    >
      <Drawing weeks={weeks} />
    </div>
  );
}

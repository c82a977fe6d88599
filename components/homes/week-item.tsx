import type { HomeBookingRow } from "@/lib/homes/shared";
import { homeLineData } from "./booking-line";
import { WeekItemsView } from "./home-line-views";

/**
 * A day's examinations in the specialist's week, each with its time, examinee (the link the arrow
 * keys move between), kind, papers and stage — worked out here, drawn from data (home-line-views.tsx).
 */
export function WeekItems({ rows, viewerZone }: { rows: HomeBookingRow[]; viewerZone: string | null }) {
  return (
    <WeekItemsView
      lines={rows.map((row) => ({
        ...homeLineData(row, viewerZone, "none"),
        kind: `${row.appointmentType === "in_person" ? "In person" : "Telehealth"} · ${row.organizationName}`,
      }))}
    />
  );
}

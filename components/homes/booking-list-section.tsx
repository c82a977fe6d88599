import type { ReactNode } from "react";
import type { Bounded, HomeBookingRow } from "@/lib/homes/shared";
import { BookingLine } from "./booking-line";
import { HomeSection, type HomeSectionProps } from "./home-section";

/**
 * A home's block of bookings: the section (its count from `list`, capped or exact) with one
 * BookingLine a row, `detail` adding what this list is about (a due day, a download, a reason).
 */
export function BookingListSection<Row extends HomeBookingRow>({
  list,
  viewerZone,
  itemTestId,
  showPapers = false,
  detail,
  keyOf = (row) => row.id,
  ...section
}: Omit<HomeSectionProps, "total" | "capped" | "shown" | "children"> & {
  list: Bounded<Row>;
  viewerZone: string | null;
  itemTestId: string;
  showPapers?: boolean;
  detail?: (row: Row) => ReactNode;
  keyOf?: (row: Row) => string;
}) {
  return (
    <HomeSection {...section} total={list.total} capped={list.capped} shown={list.rows.length}>
      <ul className="divide-y divide-slate-100">
        {list.rows.map((row) => (
          <BookingLine
            key={keyOf(row)}
            row={row}
            viewerZone={viewerZone}
            testId={itemTestId}
            showPapers={showPapers}
          >
            {detail?.(row)}
          </BookingLine>
        ))}
      </ul>
    </HomeSection>
  );
}

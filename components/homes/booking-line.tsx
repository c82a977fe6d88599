import type { ReactNode } from "react";
import type { HomeBookingRow } from "@/lib/homes/shared";
import { examinationTime } from "@/lib/time/two-clocks";
import type { DateStyle } from "@/lib/time/people-time";
import { BookingLineView, type HomeLineData } from "./home-line-views";

/** A home's booking as the line views draw it: the examination time in words, on both clocks. */
export function homeLineData(
  row: HomeBookingRow,
  viewerZone: string | null,
  dateStyle: DateStyle,
): HomeLineData {
  const { primary, secondary } = examinationTime(
    row.appointmentDate,
    row.specialistTimezone ?? "UTC",
    viewerZone,
    dateStyle,
  );
  return {
    id: row.id,
    examineeName: row.examineeName,
    when: primary,
    whenIso: row.appointmentDate.toISOString(),
    whenViewer: secondary,
    stage: row.currentProgress,
    hasBrief: row.hasBrief,
    hasConsentForm: row.hasConsentForm,
  };
}

/**
 * One booking on a home: the examination time (the specialist's zone, the viewer's under it when
 * it differs), the examinee as a link to the booking, specialist and organization, its stage —
 * and whatever the list adds (`children`: a due day, a download, what changed). Worked out here,
 * drawn from data (home-line-views.tsx).
 */
export function BookingLine({
  row,
  viewerZone,
  testId,
  showPapers = false,
  children,
}: {
  row: HomeBookingRow;
  viewerZone: string | null;
  testId: string;
  showPapers?: boolean;
  children?: ReactNode;
}) {
  return (
    <BookingLineView
      line={homeLineData(row, viewerZone, "weekday")}
      people={`${row.specialistName} · ${row.organizationName}`}
      testId={testId}
      showPapers={showPapers}
    >
      {children}
    </BookingLineView>
  );
}

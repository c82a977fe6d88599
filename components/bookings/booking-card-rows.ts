/**
 * A listed booking as the table row / phone card shows it — written on the server (times by the
 * time display rule, the report's download only where the policy allows it), shared by
 * /bookings and Admin → Bookings so the one table reads the same in both.
 */
import type { Actor } from "@/lib/authz/actor";
import { canDownloadDocument } from "@/lib/authz/policy";
import { FALLBACK_TIME_ZONE } from "@/lib/availability/calendar-of";
import type { BookingListRow } from "@/lib/bookings/list-bookings";
import { formatPhone } from "@/lib/bookings/phone";
import { TRIAGE_ORGANIZATION_SLUG } from "@/lib/organizations/list-organizations";
import { dateLabel } from "@/lib/time/people-time";
import { examinationTime, timestampZone } from "@/lib/time/two-clocks";
import type { BookingTableRow } from "./booking-table-row";
import { BOOKING_STATUS_LABELS } from "@/lib/bookings/status-labels";

export function bookingTableRow(
  row: BookingListRow,
  viewer: Actor,
  viewerZone: string | null,
): BookingTableRow {
  const when = examinationTime(
    row.appointmentDate,
    row.specialistTimezone ?? FALLBACK_TIME_ZONE,
    viewerZone,
    "weekdayYear",
  );
  return {
    id: row.id,
    examineeName: row.examineeName,
    phone: formatPhone(row.examineePhone),
    when: when.primary,
    whenViewer: when.secondary,
    specialistName: row.specialistName,
    organizationName: row.organizationName,
    teamName: row.teamName,
    inTriage: row.organizationSlug === TRIAGE_ORGANIZATION_SLUG,
    appointmentType: row.appointmentType,
    meetingLink: row.meetingLink,
    stage: row.currentProgress,
    statusLabel: BOOKING_STATUS_LABELS[row.status],
    created: row.createdAt ? dateLabel(row.createdAt, timestampZone(viewerZone), "date") : "—",
    claimNumber: row.claimNumber,
    caseManagerReference: row.caseManagerReference,
    documents: {
      brief: row.hasBrief,
      consentForm: row.hasConsentForm,
      report: row.reportDocumentId !== null,
    },
    report:
      row.reportDocumentId && row.reportFileName && canDownloadDocument(viewer, row, "report")
        ? { documentId: row.reportDocumentId, fileName: row.reportFileName }
        : null,
  };
}

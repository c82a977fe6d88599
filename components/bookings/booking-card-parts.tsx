/** Pieces a booking shows both as a table row and as a phone card. */
import type { ProgressStage } from "@/db/schema/enums";
import { DownloadButton } from "@/components/documents/download-button";
import type { DocumentPresence } from "./document-indicators";

export interface BookingTableRow {
  id: string;
  examineeName: string;
  phone: string;
  /** Pre-formatted on the server: the specialist's zone, and the viewer's when different. */
  when: string;
  whenViewer: string | null;
  specialistName: string;
  organizationName: string;
  teamName: string | null;
  /** In the triage organization: made in Acuity for no known organization, to be moved to its own. */
  inTriage: boolean;
  appointmentType: "in_person" | "telehealth";
  meetingLink: string | null;
  stage: ProgressStage;
  /** Admin → Bookings: Active / Closed / Archived. */
  statusLabel: string;
  source: string;
  created: string;
  claimNumber: string | null;
  caseManagerReference: string | null;
  documents: DocumentPresence;
  /** The newest report, when there is one and the viewer may download it. */
  report: { documentId: string; fileName: string } | null;
}

/** The organization's name, marked when the booking waits in triage (in words too: not colour alone). */
export function OrganizationName({ row }: { row: BookingTableRow }) {
  if (!row.inTriage) return <>{row.organizationName}</>;
  return (
    <span className="rounded bg-amber-100 px-1 text-amber-900" data-testid="booking-in-triage">
      {row.organizationName}
    </span>
  );
}

/** The team, or for a booking in triage what it waits for. */
export const teamLine = (row: BookingTableRow) =>
  row.inTriage ? "No known organization — move it" : (row.teamName ?? "No team");

/** What the row shows under the examinee's name: phone, and the referral's numbers when present. */
export function ReferralNumbers({ row }: { row: BookingTableRow }) {
  return (
    <>
      {row.claimNumber && <div className="cell-note">{`Claim ${row.claimNumber}`}</div>}
      {row.caseManagerReference && <div className="cell-note">{`Ref. ${row.caseManagerReference}`}</div>}
    </>
  );
}

/**
 * The report's download, named for the booking so several on a page are told apart. `className`
 * places it: under the chips in a table cell, beside them in a card's row.
 */
export function ReportDownload({ row, className }: { row: BookingTableRow; className?: string }) {
  return row.report ? (
    <span className={className} data-testid="row-report-download">
      <DownloadButton
        documentId={row.report.documentId}
        fileName={`${row.report.fileName} (report of ${row.examineeName})`}
      />
    </span>
  ) : null;
}

/** The selection checkbox: 24 × 24 px, a target a finger or a shaky hand can hit (WCAG 2.5.8). */
export function SelectBooking({ row }: { row: BookingTableRow }) {
  return (
    <input
      type="checkbox"
      data-booking-select
      value={row.id}
      aria-label={`Select booking of ${row.examineeName}`}
      className="size-6 accent-indigo-600"
    />
  );
}

/** What a booking shows as a table row and as a phone card (written as markup: booking-html-parts.ts). */
import type { ProgressStage } from "@/db/schema/enums";

/** Which of a booking's documents are there (the chips: booking-html-parts.ts). */
export interface DocumentPresence {
  brief: boolean;
  consentForm: boolean;
  report: boolean;
}

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
  created: string;
  claimNumber: string | null;
  caseManagerReference: string | null;
  documents: DocumentPresence;
  /** The newest report, when there is one and the viewer may download it. */
  report: { documentId: string; fileName: string } | null;
}

/** The team, or for a booking in triage what it waits for. */
export const teamLine = (row: BookingTableRow) =>
  row.inTriage ? "No known organization — move it" : (row.teamName ?? "No team");

import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { qualifiedColumn } from "@/db/qualified-column";
import { bookings, documents, organizations, specialists } from "@/db/schema";
import type { AppointmentType, BookingStatus, DocumentCategory, ProgressStage } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";

// The booking's id qualified by hand: these columns in a single-table select would otherwise
// read as the documents table's own "id" (db/qualified-column.ts).
const hasDocument = (category: DocumentCategory) =>
  sql<boolean>`exists (select 1 from ${documents} where ${documents.bookingId} = ${qualifiedColumn(bookings.id)} and ${documents.category} = ${category})`;

const columns = {
  id: bookings.id,
  examineeName: bookings.examineeName,
  appointmentDate: bookings.appointmentDate,
  appointmentType: bookings.appointmentType,
  meetingLink: bookings.meetingLink,
  currentProgress: bookings.currentProgress,
  status: bookings.status,
  organizationName: organizations.name,
  specialistLocation: specialists.location,
  specialistTimezone: specialists.timezone,
  hasBrief: hasDocument("brief"),
  hasConsentForm: hasDocument("consent_form"),
};

export interface SpecialistBookingRow {
  id: string;
  examineeName: string;
  appointmentDate: Date;
  appointmentType: AppointmentType;
  meetingLink: string | null;
  currentProgress: ProgressStage;
  status: BookingStatus;
  organizationName: string;
  /** The specialist's address; null = telehealth only. */
  specialistLocation: string | null;
  specialistTimezone: string | null;
  hasBrief: boolean;
  hasConsentForm: boolean;
}

/**
 * Bookings of the specialist records linked to the viewer — their own examinations only, even
 * when they can also see others (say, as a member of an organization) — and within what the
 * policy lets them see. Extra conditions narrow it; ordered by appointment time.
 */
export async function selectSpecialistBookings(
  db: DbOrTx,
  viewer: Actor,
  where: SQL | undefined,
): Promise<SpecialistBookingRow[]> {
  if (viewer.specialistIds.length === 0) return [];
  return db
    .select(columns)
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .innerJoin(organizations, eq(organizations.id, bookings.organizationId))
    .where(
      and(inArray(bookings.specialistId, viewer.specialistIds), bookingVisibilityCondition(viewer), where),
    )
    .orderBy(bookings.appointmentDate, bookings.id);
}

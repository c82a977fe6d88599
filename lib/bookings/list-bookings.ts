import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings, organizations, specialists, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";

export interface BookingListRow {
  id: string;
  examineeName: string;
  appointmentDate: Date;
  appointmentType: "in_person" | "telehealth";
  currentProgress: string;
  status: string;
  source: string;
  specialistName: string;
  organizationName: string;
  teamName: string | null;
}

/** The bookings the viewer may see, newest appointment first. No unscoped variant exists. */
export async function listBookingsForViewer(
  db: DbOrTx,
  viewer: Actor,
  options: { limit?: number; offset?: number } = {},
): Promise<BookingListRow[]> {
  return db
    .select({
      id: bookings.id,
      examineeName: bookings.examineeName,
      appointmentDate: bookings.appointmentDate,
      appointmentType: bookings.appointmentType,
      currentProgress: bookings.currentProgress,
      status: bookings.status,
      source: bookings.source,
      specialistName: specialists.name,
      organizationName: organizations.name,
      teamName: teams.name,
    })
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .innerJoin(organizations, eq(organizations.id, bookings.organizationId))
    .leftJoin(teams, eq(teams.id, bookings.teamId))
    .where(and(bookingVisibilityCondition(viewer)))
    .orderBy(desc(bookings.appointmentDate), desc(bookings.id))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
}

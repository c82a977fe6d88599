import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings, organizations, specialists, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import {
  filterConditions,
  searchCondition,
  sortOrder,
  type BookingListFilters,
  type BookingSort,
} from "./booking-list-query";

export interface BookingListRow {
  id: string;
  examineeName: string;
  examineePhone: string;
  appointmentDate: Date;
  appointmentType: "in_person" | "telehealth";
  meetingLink: string | null;
  currentProgress: string;
  status: string;
  source: string;
  specialistName: string;
  specialistTimezone: string | null;
  organizationName: string;
  teamName: string | null;
  createdAt: Date | null;
}

export interface BookingListOptions {
  limit?: number;
  offset?: number;
  filters?: BookingListFilters;
  /** Examinee name (any part) or phone digits (any part). */
  search?: string;
  sort?: BookingSort;
}

/**
 * The bookings the viewer may see, filtered, searched and sorted (newest appointment first by
 * default). The visibility condition is always part of the WHERE: no unscoped variant exists.
 */
export async function listBookingsForViewer(
  db: DbOrTx,
  viewer: Actor,
  options: BookingListOptions = {},
): Promise<BookingListRow[]> {
  return db
    .select({
      id: bookings.id,
      examineeName: bookings.examineeName,
      examineePhone: bookings.examineePhone,
      appointmentDate: bookings.appointmentDate,
      appointmentType: bookings.appointmentType,
      meetingLink: bookings.meetingLink,
      currentProgress: bookings.currentProgress,
      status: bookings.status,
      source: bookings.source,
      specialistName: specialists.name,
      specialistTimezone: specialists.timezone,
      organizationName: organizations.name,
      teamName: teams.name,
      createdAt: bookings.createdAt,
    })
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .innerJoin(organizations, eq(organizations.id, bookings.organizationId))
    .leftJoin(teams, eq(teams.id, bookings.teamId))
    .where(
      and(
        bookingVisibilityCondition(viewer),
        searchCondition(options.search),
        ...filterConditions(options.filters),
      ),
    )
    .orderBy(...sortOrder(options.sort))
    .limit(options.limit ?? 100)
    .offset(options.offset ?? 0);
}

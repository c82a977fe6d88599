import { and, desc, eq, ilike, ne, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { bookings, organizations, specialists, teams } from "@/db/schema";
import { BOOKING_STATUSES, PROGRESS_STAGES } from "@/db/schema/enums";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const adminBookingFilterSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  status: z.preprocess(blankToUndefined, z.enum(BOOKING_STATUSES).optional()),
  progress: z.preprocess(blankToUndefined, z.enum(PROGRESS_STAGES).optional()),
  organizationId: z.preprocess(blankToUndefined, z.string().max(255).optional()),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(0)),
});
export type AdminBookingFilter = z.infer<typeof adminBookingFilterSchema>;

export const ADMIN_BOOKINGS_PAGE_SIZE = 50;

/**
 * Every booking, filtered — the admin console's table (callers check the policy). Without a
 * status filter, active and closed ones: archived bookings are done with and shown only on request.
 */
export async function listBookingsForAdmin(db: DbOrTx, filter: AdminBookingFilter) {
  const conditions: (SQL | undefined)[] = [
    filter.status ? eq(bookings.status, filter.status) : ne(bookings.status, "archived"),
    filter.progress ? eq(bookings.currentProgress, filter.progress) : undefined,
    filter.organizationId ? eq(bookings.organizationId, filter.organizationId) : undefined,
    filter.q
      ? or(
          ilike(bookings.examineeName, `%${filter.q}%`),
          ilike(bookings.examineePhone, `%${filter.q}%`),
          eq(bookings.id, filter.q),
        )
      : undefined,
  ];
  return db
    .select({
      id: bookings.id,
      examineeName: bookings.examineeName,
      appointmentDate: bookings.appointmentDate,
      currentProgress: bookings.currentProgress,
      status: bookings.status,
      source: bookings.source,
      specialistId: bookings.specialistId,
      createdById: bookings.createdById,
      createdForId: bookings.createdForId,
      specialistName: specialists.name,
      specialistTimezone: specialists.timezone,
      organizationId: bookings.organizationId,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
      teamId: bookings.teamId,
      teamName: teams.name,
    })
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .innerJoin(organizations, eq(organizations.id, bookings.organizationId))
    .leftJoin(teams, eq(teams.id, bookings.teamId))
    .where(and(...conditions))
    .orderBy(desc(bookings.appointmentDate), desc(bookings.id))
    .limit(ADMIN_BOOKINGS_PAGE_SIZE + 1)
    .offset(filter.page * ADMIN_BOOKINGS_PAGE_SIZE);
}

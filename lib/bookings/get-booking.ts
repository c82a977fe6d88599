import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { bookings, organizations, specialists, teams, users } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import { specialistSummaryColumns } from "@/lib/specialists/specialist-columns";

const createdBy = alias(users, "created_by");
const createdFor = alias(users, "created_for");

/**
 * One booking with the names a page shows, or null when it does not exist *or* the viewer may
 * not see it — callers answer 404 either way.
 */
export async function getBookingForViewer(db: DbOrTx, viewer: Actor, bookingId: string) {
  const [row] = await db
    .select({
      booking: bookings,
      specialist: specialistSummaryColumns,
      organizationName: organizations.name,
      teamName: teams.name,
      createdByName: createdBy.name,
      createdForName: createdFor.name,
    })
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .innerJoin(organizations, eq(organizations.id, bookings.organizationId))
    .leftJoin(teams, eq(teams.id, bookings.teamId))
    .innerJoin(createdBy, eq(createdBy.id, bookings.createdById))
    .leftJoin(createdFor, eq(createdFor.id, bookings.createdForId))
    .where(and(eq(bookings.id, bookingId), bookingVisibilityCondition(viewer)));
  return row ?? null;
}

export type BookingForViewer = NonNullable<Awaited<ReturnType<typeof getBookingForViewer>>>;

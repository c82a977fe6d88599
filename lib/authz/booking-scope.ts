import { and, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { bookings } from "@/db/schema";
import type { Actor } from "./actor";
import { isPlatformAdmin } from "./policy";

/**
 * The WHERE condition limiting `bookings` to what the actor may see — canViewBooking in
 * SQL, so list queries filter in the database and forbidden rows read as absent.
 */
export function bookingVisibilityCondition(actor: Actor): SQL {
  if (isPlatformAdmin(actor)) return sql`true`;
  const conditions: SQL[] = [];
  if (actor.specialistIds.length > 0) conditions.push(inArray(bookings.specialistId, actor.specialistIds));

  const managed = actor.memberships.filter((m) => m.role !== "member").map((m) => m.organizationId);
  if (managed.length > 0) conditions.push(inArray(bookings.organizationId, managed));

  const memberOf = actor.memberships.filter((m) => m.role === "member").map((m) => m.organizationId);
  if (memberOf.length > 0) {
    const teamIds = actor.teams.map((t) => t.teamId);
    const ownOrTeamless = or(
      isNull(bookings.teamId),
      teamIds.length > 0 ? inArray(bookings.teamId, teamIds) : undefined,
      eq(bookings.createdById, actor.userId),
      eq(bookings.createdForId, actor.userId),
    );
    conditions.push(and(inArray(bookings.organizationId, memberOf), ownOrTeamless)!);
  }
  return conditions.length > 0 ? or(...conditions)! : sql`false`;
}

/** The booking columns the policy reads (BookingAccessFacts, plus the id): select these, not a copy. */
export const bookingAccessColumns = {
  id: bookings.id,
  organizationId: bookings.organizationId,
  teamId: bookings.teamId,
  specialistId: bookings.specialistId,
  createdById: bookings.createdById,
  createdForId: bookings.createdForId,
  status: bookings.status,
};

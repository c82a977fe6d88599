import { and, eq, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from "drizzle-orm";
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

/**
 * The scopes whose bookings hold everything the actor may see — the organizations they belong to
 * and the specialists they are; for a platform admin, who sees every booking, the platform — for a
 * search to read its trigrams by (the scoped trigram indexes of migrations 0026 and 0029): every
 * booking bookingVisibilityCondition lets through is in one of them.
 */
export function searchScopesOf(actor: Actor): SearchScopes {
  if (isPlatformAdmin(actor)) return { platform: true, organizationIds: [], specialistIds: [] };
  return {
    platform: false,
    organizationIds: [...new Set(actor.memberships.map((m) => m.organizationId))],
    specialistIds: actor.specialistIds,
  };
}

export interface SearchScopes {
  /** Every booking: a platform admin's, keyed by migration 0029's one constant scope. */
  platform: boolean;
  organizationIds: string[];
  specialistIds: string[];
}

/**
 * The same condition as disjoint parts whose union is bookingVisibilityCondition — for a plain
 * member of one organization (no specialist record, nothing they manage), whose view is a
 * fraction of the organization's bookings: their teams', the team-less ones, and those of other
 * teams they booked or were booked for. A count adds up per part, each part an index range of its
 * own, instead of walking the whole organization and testing each booking. Null for any other
 * actor: their condition is one range already (an organization, a specialist, everything).
 */
export function memberVisibilityParts(actor: Actor): SQL[] | null {
  if (isPlatformAdmin(actor) || actor.specialistIds.length > 0 || actor.memberships.length !== 1) return null;
  const [membership] = actor.memberships;
  if (membership!.role !== "member") return null;
  const inOrganization = eq(bookings.organizationId, membership!.organizationId);
  const teamIds = actor.teams.map((t) => t.teamId);
  const anotherTeam =
    teamIds.length > 0
      ? and(isNotNull(bookings.teamId), notInArray(bookings.teamId, teamIds))!
      : isNotNull(bookings.teamId);
  return [
    ...(teamIds.length > 0 ? [and(inOrganization, inArray(bookings.teamId, teamIds))!] : []),
    and(inOrganization, isNull(bookings.teamId))!,
    and(eq(bookings.createdById, actor.userId), inOrganization, anotherTeam)!,
    and(
      eq(bookings.createdForId, actor.userId),
      sql`${bookings.createdById} is distinct from ${actor.userId}`,
      inOrganization,
      anotherTeam,
    )!,
  ];
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

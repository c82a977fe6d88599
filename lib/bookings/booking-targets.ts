import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organizations, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { canCreateBooking, isPlatformAdmin } from "@/lib/authz/policy";

export interface BookingTarget {
  id: string;
  name: string;
  /** May book without a team (true for every member). */
  allowsNoTeam: boolean;
  teams: { id: string; name: string }[];
}

/**
 * The organizations and teams the actor may book for — what the booking form offers.
 * Every option is asked of the policy (canCreateBooking), so the form never offers a
 * choice the server action would refuse.
 */
export async function listBookingTargets(db: DbOrTx, actor: Actor): Promise<BookingTarget[]> {
  const memberOrgIds = actor.memberships.map((m) => m.organizationId);
  if (!isPlatformAdmin(actor) && memberOrgIds.length === 0) return [];
  const orgQuery = db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .orderBy(asc(organizations.name));
  const orgs = isPlatformAdmin(actor)
    ? await orgQuery
    : await orgQuery.where(inArray(organizations.id, memberOrgIds));
  if (orgs.length === 0) return [];
  const teamRows = await db
    .select({ id: teams.id, name: teams.name, organizationId: teams.organizationId })
    .from(teams)
    .where(
      inArray(
        teams.organizationId,
        orgs.map((o) => o.id),
      ),
    )
    .orderBy(asc(teams.name));
  return orgs
    .map((org) => ({
      id: org.id,
      name: org.name,
      allowsNoTeam: canCreateBooking(actor, { organizationId: org.id, team: null }),
      teams: teamRows
        .filter(
          (t) => t.organizationId === org.id && canCreateBooking(actor, { organizationId: org.id, team: t }),
        )
        .map(({ id, name }) => ({ id, name })),
    }))
    .filter((org) => org.allowsNoTeam || org.teams.length > 0);
}

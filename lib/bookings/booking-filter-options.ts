import { asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organizations, specialists, teams } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { isPlatformAdmin } from "@/lib/authz/policy";

/**
 * Choices for the table's specialist and team filters. Teams are those of the viewer's
 * organizations (all for platform admins); the rows themselves stay scoped by the query.
 */
export async function bookingFilterOptions(db: DbOrTx, viewer: Actor) {
  const specialistOptions = await db
    .select({ id: specialists.id, name: specialists.name })
    .from(specialists)
    .orderBy(asc(specialists.name));
  const orgIds = viewer.memberships.map((m) => m.organizationId);
  const teamQuery = db
    .select({ id: teams.id, name: teams.name, organizationName: organizations.name })
    .from(teams)
    .innerJoin(organizations, eq(organizations.id, teams.organizationId))
    .orderBy(asc(organizations.name), asc(teams.name));
  const teamOptions = isPlatformAdmin(viewer)
    ? await teamQuery
    : orgIds.length
      ? await teamQuery.where(inArray(teams.organizationId, orgIds))
      : [];
  return { specialists: specialistOptions, teams: teamOptions };
}

import { asc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { qualifiedColumn } from "@/db/qualified-column";
import { organizations } from "@/db/schema";

/** Slug of the organization that holds Acuity bookings whose organization could not be resolved. */
export const TRIAGE_ORGANIZATION_SLUG = "triage";

/** The listed organization's id, spelled out so the subqueries below do not read their own "id". */
const listedOrganizationId = qualifiedColumn(organizations.id);

/** Every organization with its counts, triage first — admin console only. */
export function listOrganizationsForAdmin(db: DbOrTx) {
  return db
    .select({
      id: organizations.id,
      name: organizations.name,
      slug: organizations.slug,
      createdAt: organizations.createdAt,
      memberCount: sql<number>`(SELECT count(*)::int FROM members m WHERE m.organization_id = ${listedOrganizationId})`,
      teamCount: sql<number>`(SELECT count(*)::int FROM teams t WHERE t.organization_id = ${listedOrganizationId})`,
      activeBookingCount: sql<number>`(SELECT count(*)::int FROM bookings b WHERE b.organization_id = ${listedOrganizationId} AND b.status = 'active')`,
    })
    .from(organizations)
    .orderBy(sql`${organizations.slug} = ${TRIAGE_ORGANIZATION_SLUG} DESC`, asc(organizations.name));
}

/** Organizations with their teams, for "move booking" and "create user" pickers. */
export async function listOrganizationsWithTeams(db: DbOrTx) {
  const rows = await db.execute<{ id: string; name: string; teams: { id: string; name: string }[] }>(sql`
    SELECT o.id, o.name,
           COALESCE(json_agg(json_build_object('id', t.id, 'name', t.name) ORDER BY t.name) FILTER (WHERE t.id IS NOT NULL), '[]') AS teams
      FROM organizations o LEFT JOIN teams t ON t.organization_id = o.id
     GROUP BY o.id ORDER BY o.name`);
  return rows.rows;
}

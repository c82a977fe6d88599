import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryNamed } from "@/db/named-statement";
import type { Actor } from "@/lib/authz/actor";
import { isPlatformAdmin } from "@/lib/authz/policy";

export type BookingFilterOptions = {
  specialists: { id: string; name: string }[];
  teams: { id: string; name: string; organizationName: string }[];
};

/**
 * Choices for the table's specialist and team filters. Teams are those of the viewer's
 * organizations (all for platform admins); the rows themselves stay scoped by the query.
 * One statement for both lists: the bookings page runs on every visit, and each round trip
 * costs the server as much as these few rows do (issue 14).
 */
export async function bookingFilterOptions(db: DbOrTx, viewer: Actor): Promise<BookingFilterOptions> {
  const orgIds = viewer.memberships.map((m) => m.organizationId);
  // Plain SQL, every column qualified (correlated subqueries; see lib/authz/load-actor.ts).
  const teamScope = isPlatformAdmin(viewer)
    ? sql`true`
    : orgIds.length
      ? sql`t.organization_id in (${sql.join(
          orgIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql`false`;
  const rows = await queryNamed<BookingFilterOptions>(
    db,
    sql`
    select
      coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name)
                  from specialists s), '[]'::json) as specialists,
      coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name, 'organizationName', o.name)
                                order by o.name, t.name)
                  from teams t join organizations o on o.id = t.organization_id
                 where ${teamScope}), '[]'::json) as teams`,
  );
  return rows[0]!;
}

import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryNamed } from "@/db/named-statement";
import type { Actor } from "@/lib/authz/actor";
import { isPlatformAdmin } from "@/lib/authz/policy";

export type BookingFilterOptions = {
  specialists: { id: string; name: string }[];
  teams: { id: string; name: string; organizationName: string }[];
};

/**
 * Choices for the table's specialist and team filters, as two columns of a select list
 * (`specialists`, `teams`: JSON arrays) — of their own statement (bookingFilterOptions), or riding
 * along the bookings page's tab counts (list-booking-page.ts): every visit to the list needs both,
 * and each round trip costs the server as much as these few rows do (issue 14). Teams are those of
 * the viewer's organizations (all for platform admins); the rows themselves stay scoped by the query.
 */
export function filterOptionColumns(viewer: Actor): SQL {
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
  return sql`
      coalesce((select json_agg(json_build_object('id', s.id, 'name', s.name) order by s.name)
                  from specialists s), '[]'::json) as specialists,
      coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name, 'organizationName', o.name)
                                order by o.name, t.name)
                  from teams t join organizations o on o.id = t.organization_id
                 where ${teamScope}), '[]'::json) as teams`;
}

/** The two columns' values, from a row that carries them. */
export const filterOptionsFromRow = (row: BookingFilterOptions): BookingFilterOptions => ({
  specialists: row.specialists,
  teams: row.teams,
});

/**
 * The filter choices in a statement of their own. No page reads them so now — the bookings page's
 * ride along its counts, searched or not — but it is the plain form the scoping tests read them
 * by, and what a page with no counts to carry them would call.
 */
export async function bookingFilterOptions(db: DbOrTx, viewer: Actor): Promise<BookingFilterOptions> {
  const rows = await queryNamed<BookingFilterOptions>(db, sql`select ${filterOptionColumns(viewer)}`);
  return filterOptionsFromRow(rows[0]!);
}

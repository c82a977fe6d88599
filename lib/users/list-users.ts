import { and, asc, count, ilike, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { qualifiedColumn } from "@/db/qualified-column";
import { containsPattern } from "@/db/like-pattern";
import { members, organizations, specialists, users } from "@/db/schema";

export interface UserListRow {
  id: string;
  name: string;
  email: string;
  role: string | null;
  banned: boolean | null;
  banReason: string | null;
  banExpires: Date | null;
  /** Every organization of the user with their role there, by name — never only the ones the search matched. */
  memberships: { organization: string; role: string }[];
  /** Linked to a specialist record (an Acuity calendar). */
  isSpecialist: boolean;
  /** Signs in with a second factor (an admin may reset it: lib/two-factor). */
  twoFactorEnabled: boolean;
}

export interface UserListPage {
  rows: UserListRow[];
  /** Users matching the search across all pages: the pager and the heading count need it. */
  total: number;
}

// The listed user's id, spelled out in full: in a single-table select list drizzle drops the
// table name, and a bare "id" inside the subqueries below would name a member's or organization's.
const listedUserId = qualifiedColumn(users.id);

/**
 * Name, e-mail or the name of any organization the user belongs to. The organization test is
 * an EXISTS of its own, so it picks users without narrowing which of their organizations the
 * list then shows.
 */
function userSearchCondition(search: string | undefined): SQL | undefined {
  const text = search?.trim();
  if (!text) return undefined;
  const pattern = containsPattern(text);
  const inMatchingOrganization = sql`EXISTS (
    SELECT 1 FROM ${members} m JOIN ${organizations} o ON o.id = m.organization_id
    WHERE m.user_id = ${listedUserId} AND o.name ILIKE ${pattern}
  )`;
  return or(ilike(users.name, pattern), ilike(users.email, pattern), inMatchingOrganization);
}

/** All of one user's organizations and roles, aggregated apart from the search so none is filtered out. */
const membershipsOfUser = sql<{ organization: string; role: string }[]>`COALESCE((
  SELECT json_agg(json_build_object('organization', o.name, 'role', m.role) ORDER BY o.name)
  FROM ${members} m JOIN ${organizations} o ON o.id = m.organization_id
  WHERE m.user_id = ${listedUserId}
), '[]'::json)`;

const isSpecialistUser = sql<boolean>`EXISTS (SELECT 1 FROM ${specialists} s WHERE s.user_id = ${listedUserId})`;

/**
 * One page of users with their organizations, optionally searched by name, e-mail or
 * organization, and how many match — for the admin console only (callers check the policy).
 * Ordered by name, then id, so pages neither repeat nor skip users who share a name.
 */
export async function listUsersForAdmin(
  db: DbOrTx,
  filter: { search?: string },
  page: { pageIndex: number; pageSize: number },
): Promise<UserListPage> {
  const where = userSearchCondition(filter.search);
  const [rows, totals] = await Promise.all([
    db
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        role: users.role,
        banned: users.banned,
        banReason: users.banReason,
        banExpires: users.banExpires,
        memberships: membershipsOfUser,
        isSpecialist: isSpecialistUser,
        twoFactorEnabled: sql<boolean>`coalesce(${users.twoFactorEnabled}, false)`,
      })
      .from(users)
      .where(and(where))
      .orderBy(asc(users.name), asc(users.id))
      .limit(page.pageSize)
      .offset(page.pageIndex * page.pageSize),
    db.select({ total: count() }).from(users).where(and(where)),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

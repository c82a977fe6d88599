import { asc, eq, ilike, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, organizations, users } from "@/db/schema";

export interface UserListRow {
  id: string;
  name: string;
  email: string;
  role: string | null;
  banned: boolean | null;
  banReason: string | null;
  banExpires: Date | null;
  organizations: string | null;
}

/**
 * Users with their organizations, optionally searched by name, e-mail or organization —
 * for the admin console only (callers check the policy).
 */
export async function listUsersForAdmin(db: DbOrTx, search?: string, limit = 200): Promise<UserListRow[]> {
  const pattern = search?.trim() ? `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      banned: users.banned,
      banReason: users.banReason,
      banExpires: users.banExpires,
      organizations: sql<string | null>`string_agg(${organizations.name}, ', ' ORDER BY ${organizations.name})`,
    })
    .from(users)
    .leftJoin(members, eq(members.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, members.organizationId))
    .where(pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(organizations.name, pattern)) : undefined)
    .groupBy(users.id)
    .orderBy(asc(users.name))
    .limit(limit);
}

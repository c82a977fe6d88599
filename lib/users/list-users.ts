import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, organizations, users } from "@/db/schema";

export interface UserListRow {
  id: string;
  name: string;
  email: string;
  role: string | null;
  banned: boolean | null;
  organizations: string | null;
}

/** Every user with their organizations — for the admin console only (callers check the policy). */
export async function listUsersForAdmin(db: DbOrTx): Promise<UserListRow[]> {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      banned: users.banned,
      organizations: sql<string | null>`string_agg(${organizations.name}, ', ' ORDER BY ${organizations.name})`,
    })
    .from(users)
    .leftJoin(members, eq(members.userId, users.id))
    .leftJoin(organizations, eq(organizations.id, members.organizationId))
    .groupBy(users.id)
    .orderBy(asc(users.name));
}

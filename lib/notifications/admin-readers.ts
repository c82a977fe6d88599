import { and, ne, or, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { SYSTEM_ACCOUNT } from "@/lib/auth/system-account";

/**
 * Who reads "something needs a person" — in the app and in the daily digest: every platform admin (better-auth stores
 * several roles as "admin,user"), not banned, never the system account.
 */
export function platformAdmins(db: DbOrTx): Promise<{ id: string; email: string }[]> {
  return db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      and(
        sql`'admin' = ANY (string_to_array(replace(coalesce(${users.role}, ''), ' ', ''), ','))`,
        or(isNull(users.banned), ne(users.banned, true)),
        sql`lower(${users.email}) <> ${SYSTEM_ACCOUNT.email}`,
      ),
    )
    .orderBy(users.id);
}

export async function platformAdminIds(db: DbOrTx): Promise<string[]> {
  return (await platformAdmins(db)).map((admin) => admin.id);
}

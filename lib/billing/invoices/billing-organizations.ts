import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organizations } from "@/db/schema";

/** Organizations by name, for the invoice screens' pickers (all of them, or the given ones). */
export function organizationChoices(db: DbOrTx, only?: string[]) {
  return db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(only ? inArray(organizations.id, only.length ? only : [""]) : undefined)
    .orderBy(asc(organizations.name));
}

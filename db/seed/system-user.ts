import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { users } from "@/db/schema";
import { newId } from "@/lib/ids";
import { SYSTEM_USER } from "./demo-people";

/**
 * The user that owns what nobody in the portal did: Acuity-direct bookings and webhook-driven
 * changes. It has no credential account, so it can never sign in.
 */
export async function ensureSystemUser(db: DbOrTx): Promise<string> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, SYSTEM_USER.email));
  if (existing) return existing.id;
  const id = newId();
  await db
    .insert(users)
    .values({ id, name: SYSTEM_USER.name, email: SYSTEM_USER.email, emailVerified: true, role: "user" })
    .onConflictDoNothing({ target: users.email });
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, SYSTEM_USER.email));
  return row!.id;
}

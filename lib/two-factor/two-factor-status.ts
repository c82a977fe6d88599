import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { members, organizations, organizationSettings, users } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { twoFactorRequiredFor } from "./requirement";

/** What Settings → Two-factor shows: whether it is on, whether it must be, and the owner's switches. */
export interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  /** Organizations this actor owns, with whether they require two-factor of their members. */
  ownedOrganizations: { id: string; name: string; requireTwoFactor: boolean }[];
}

export async function twoFactorStatusOf(db: DbOrTx, actor: Actor): Promise<TwoFactorStatus> {
  const [[user], owned, required] = await Promise.all([
    db.select({ enabled: users.twoFactorEnabled }).from(users).where(eq(users.id, actor.userId)),
    db
      .select({
        id: organizations.id,
        name: organizations.name,
        requireTwoFactor: organizationSettings.requireTwoFactor,
      })
      .from(members)
      .innerJoin(organizations, eq(organizations.id, members.organizationId))
      .leftJoin(organizationSettings, eq(organizationSettings.organizationId, organizations.id))
      .where(and(eq(members.userId, actor.userId), eq(members.role, "owner")))
      .orderBy(organizations.name),
    twoFactorRequiredFor(db, actor),
  ]);
  return {
    enabled: Boolean(user?.enabled),
    required,
    ownedOrganizations: owned.map((row) => ({ ...row, requireTwoFactor: Boolean(row.requireTwoFactor) })),
  };
}

import { inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { organizationSettings } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";

/** The screen an unenrolled user who must enrol is held on (with sign-out). */
export const TWO_FACTOR_SETUP_PATH = "/two-factor/setup";

/**
 * Who must use a second factor: platform admins and specialists always (they reach every
 * organization's examinees, or hold the medical files), and the members of an organization whose
 * owner required it. Referrers otherwise may enrol; nobody is stopped from it.
 */
export function mustUseTwoFactor(
  actor: Pick<Actor, "platformRole" | "specialistIds" | "memberships">,
  organizationsRequiringIt: ReadonlySet<string>,
): boolean {
  if (actor.platformRole === "admin" || actor.specialistIds.length > 0) return true;
  return actor.memberships.some((membership) => organizationsRequiringIt.has(membership.organizationId));
}

/** Of these organizations, the ones whose owner requires two-factor of their members. */
export async function organizationsRequiringTwoFactor(
  db: DbOrTx,
  organizationIds: string[],
): Promise<Set<string>> {
  if (organizationIds.length === 0) return new Set();
  const rows = await db
    .select({
      organizationId: organizationSettings.organizationId,
      required: organizationSettings.requireTwoFactor,
    })
    .from(organizationSettings)
    .where(inArray(organizationSettings.organizationId, organizationIds));
  return new Set(rows.filter((row) => row.required).map((row) => row.organizationId));
}

/** mustUseTwoFactor with the organization settings read from the database. */
export async function twoFactorRequiredFor(
  db: DbOrTx,
  actor: Pick<Actor, "platformRole" | "specialistIds" | "memberships">,
): Promise<boolean> {
  if (mustUseTwoFactor(actor, new Set())) return true;
  const requiring = await organizationsRequiringTwoFactor(
    db,
    actor.memberships.map((membership) => membership.organizationId),
  );
  return mustUseTwoFactor(actor, requiring);
}

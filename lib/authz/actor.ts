/** Organization roles of the better-auth organization plugin. */
export type OrganizationRole = "owner" | "admin" | "member";

export interface OrganizationMembership {
  organizationId: string;
  role: OrganizationRole;
}

/**
 * Everything the policy needs to know about whoever is acting. When an admin impersonates,
 * the actor is the impersonated user (their rights apply) and `impersonatorId` is the admin.
 */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  platformRole: "admin" | "user";
  /** Specialist records linked to this user (normally zero or one). */
  specialistIds: string[];
  memberships: OrganizationMembership[];
  /** Teams the user belongs to, with their organization. */
  teams: { teamId: string; organizationId: string }[];
  impersonatorId: string | null;
  /**
   * The session was issued by a passed second step (lib/two-factor/auth-hooks.ts). Set by the
   * request's session; absent (false) for actors built elsewhere (jobs, tests).
   */
  secondFactorVerified?: boolean;
}

/** better-auth stores several roles as "admin,member"; the strongest one counts. */
export function strongestOrganizationRole(raw: string): OrganizationRole {
  const roles = raw.split(",").map((r) => r.trim());
  if (roles.includes("owner")) return "owner";
  if (roles.includes("admin")) return "admin";
  return "member";
}

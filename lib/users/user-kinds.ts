import { isSystemAccount } from "@/lib/auth/system-account";
import { strongestOrganizationRole, type OrganizationRole } from "@/lib/authz/actor";

const ORGANIZATION_ROLE_NAMES: Record<OrganizationRole, string> = {
  owner: "Organization owner",
  admin: "Organization admin",
  member: "Organization member",
};

/**
 * What a person is in the portal, as the users list says it: platform admin, specialist, and
 * their organization roles (a user may be several at once). The platform role alone says "user"
 * for specialists and referrers alike, which tells an admin nothing.
 */
export function userKinds(user: {
  email: string;
  role: string | null;
  isSpecialist: boolean;
  memberships: { role: string }[];
}): string[] {
  if (isSystemAccount(user)) return ["System (cannot sign in)"];
  const kinds: string[] = [];
  if (
    (user.role ?? "")
      .split(",")
      .map((r) => r.trim())
      .includes("admin")
  )
    kinds.push("Platform admin");
  if (user.isSpecialist) kinds.push("Specialist");
  const roles = new Set(user.memberships.map((m) => strongestOrganizationRole(m.role)));
  for (const role of ["owner", "admin", "member"] as const)
    if (roles.has(role)) kinds.push(ORGANIZATION_ROLE_NAMES[role]);
  return kinds.length > 0 ? kinds : ["No role yet"];
}

/** "Northwind Insurance (owner)" — an organization with the user's role in it. */
export const membershipLabel = (m: { organization: string; role: string }) =>
  `${m.organization} (${strongestOrganizationRole(m.role)})`;

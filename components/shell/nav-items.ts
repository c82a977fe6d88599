import type { Actor } from "@/lib/authz/actor";
import { ADMIN_SECTIONS } from "./admin-sections";
import {
  canBookForAnyOrganization,
  canSeeOrganizationInvoices,
  canUseAdminConsole,
  hasSpecialistWorkspace,
} from "@/lib/authz/policy";

export interface NavItem {
  href: string;
  label: string;
}

/** What the navigation offers depends on who is signed in — asked of the policy module. */
export function navItemsFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [];
  // Referrers' home (counts, what needs them); specialists' and admins' homes are their own entries.
  if (homePathFor(actor) === "/") items.push({ href: "/", label: "Home" });
  if (hasSpecialistWorkspace(actor)) items.push({ href: "/specialist", label: "My examinations" });
  items.push({ href: "/bookings", label: "Bookings" });
  if (canBookForAnyOrganization(actor)) {
    items.push(
      { href: "/specialists", label: "Find a specialist" },
      { href: "/bookings/new", label: "New booking" },
    );
  }
  // Owners and admins of an organization: its invoices (admins find them in the console).
  if (canSeeOrganizationInvoices(actor)) items.push({ href: "/organization/invoices", label: "Invoices" });
  // One entry; the admin console's own navigation lists its sections (admin-sections.ts).
  if (canUseAdminConsole(actor)) items.push({ href: ADMIN_SECTIONS[0].href, label: "Admin" });
  return items;
}

export function personaLabel(actor: Actor): string {
  if (actor.platformRole === "admin") return "Administrator";
  if (actor.specialistIds.length > 0) return "Specialist";
  const role = actor.memberships[0]?.role;
  return role ? `Referrer (${role})` : "Referrer";
}

/**
 * Where a signed-in user starts: admins (acting as themselves) on the operations view,
 * specialists on their week, referrers and organization owners on their home.
 */
export function homePathFor(actor: Actor): "/admin" | "/specialist" | "/" {
  if (canUseAdminConsole(actor)) return "/admin";
  if (hasSpecialistWorkspace(actor)) return "/specialist";
  return "/";
}

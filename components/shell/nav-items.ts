import type { Actor } from "@/lib/authz/actor";
import { canBookForAnyOrganization, canUseAdminConsole, hasSpecialistWorkspace } from "@/lib/authz/policy";

export interface NavItem {
  href: string;
  label: string;
}

/** What the navigation offers depends on who is signed in — asked of the policy module. */
export function navItemsFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [];
  if (hasSpecialistWorkspace(actor)) items.push({ href: "/specialist", label: "My examinations" });
  items.push({ href: "/bookings", label: "Bookings" });
  if (canBookForAnyOrganization(actor)) {
    items.push({ href: "/specialists", label: "Find a specialist" }, { href: "/bookings/new", label: "New booking" });
  }
  if (canUseAdminConsole(actor)) {
    items.push(
      { href: "/admin/users", label: "Users" },
      { href: "/admin/organizations", label: "Organizations" },
      { href: "/admin/specialists", label: "Specialists" },
      { href: "/admin/bookings", label: "Booking admin" },
      { href: "/admin/audit", label: "Audit trail" },
      { href: "/admin/webhooks", label: "Webhooks" },
    );
  }
  return items;
}

export function personaLabel(actor: Actor): string {
  if (actor.platformRole === "admin") return "Administrator";
  if (actor.specialistIds.length > 0) return "Specialist";
  const role = actor.memberships[0]?.role;
  return role ? `Referrer (${role})` : "Referrer";
}

/** Where a signed-in user starts: specialists on their examinations, everyone else on bookings. */
export const homePathFor = (actor: Actor) => (hasSpecialistWorkspace(actor) ? "/specialist" : "/bookings");

import type { Actor } from "@/lib/authz/actor";
import { canBookForAnyOrganization, canUseAdminConsole } from "@/lib/authz/policy";

export interface NavItem {
  href: string;
  label: string;
}

/** What the navigation offers depends on who is signed in — asked of the policy module. */
export function navItemsFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [{ href: "/bookings", label: "Bookings" }];
  if (canBookForAnyOrganization(actor)) {
    items.push({ href: "/specialists", label: "Find a specialist" }, { href: "/bookings/new", label: "New booking" });
  }
  if (canUseAdminConsole(actor)) items.push({ href: "/admin/users", label: "Users" });
  return items;
}

export function personaLabel(actor: Actor): string {
  if (actor.platformRole === "admin") return "Administrator";
  if (actor.specialistIds.length > 0) return "Specialist";
  const role = actor.memberships[0]?.role;
  return role ? `Referrer (${role})` : "Referrer";
}

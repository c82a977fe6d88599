import type { Actor } from "@/lib/authz/actor";
import { ADMIN_SECTIONS } from "./admin-sections";
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
    items.push(
      { href: "/specialists", label: "Find a specialist" },
      { href: "/bookings/new", label: "New booking" },
    );
  }
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

/** Where a signed-in user starts: specialists on their examinations, everyone else on bookings. */
export const homePathFor = (actor: Actor) => (hasSpecialistWorkspace(actor) ? "/specialist" : "/bookings");

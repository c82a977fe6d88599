import type { Actor } from "@/lib/authz/actor";
import { canBookForAnyOrganization, hasSpecialistWorkspace, isPlatformAdmin } from "@/lib/authz/policy";
import { EMAIL_KIND_NAMES, EMAIL_KINDS, type EmailAudience, type EmailKind } from "./kinds";

/**
 * Which e-mail kinds this user can receive, so the preferences page offers only those: booking
 * e-mails to whoever can book (organization members, platform admins), examination e-mails to
 * specialists, the attention digest to platform admins, account e-mails to everyone.
 */
export function emailAudiencesOf(actor: Actor): Set<EmailAudience> {
  const audiences = new Set<EmailAudience>(["account"]);
  if (canBookForAnyOrganization(actor)) audiences.add("referrer");
  if (hasSpecialistWorkspace(actor)) audiences.add("specialist");
  if (isPlatformAdmin(actor)) audiences.add("admin");
  return audiences;
}

/** The kinds the preferences page lists for this user, in the catalogue's order. */
export function preferenceKindsFor(actor: Actor): EmailKind[] {
  const audiences = emailAudiencesOf(actor);
  return EMAIL_KIND_NAMES.filter(
    (kind) => EMAIL_KINDS[kind].inPreferences && audiences.has(EMAIL_KINDS[kind].audience),
  );
}

/** The kinds this user may actually switch: listed, and not always sent. */
export const switchableKindsFor = (actor: Actor): EmailKind[] =>
  preferenceKindsFor(actor).filter((kind) => !EMAIL_KINDS[kind].alwaysSent);

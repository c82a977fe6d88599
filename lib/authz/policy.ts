/**
 * The one policy module: every "may this actor do X to Y" in shared/PRODUCT.md is answered
 * here, and nowhere else. Screens ask it what to offer; actions ask it what to allow.
 * Its SQL twin for list queries is booking-scope.ts, kept in step by the matrix tests.
 */
import type { BookingStatus, DocumentCategory, ProgressStage } from "@/db/schema/enums";
import { isSystemAccount } from "@/lib/auth/system-account";
import type { Actor } from "./actor";
import { TRANSITIONS, type TransitionRole } from "@/lib/bookings/progress/transitions";

/** The fields of a booking that decide who may see and touch it. */
export interface BookingAccessFacts {
  organizationId: string;
  teamId: string | null;
  specialistId: string;
  createdById: string;
  createdForId: string | null;
  /** `archived` is final: the booking stays visible and downloadable, and nothing changes it any more. */
  status: BookingStatus;
}

/** Archiving is the end of a booking's life: no uploads, no stage changes or corrections, no moves. */
export const isBookingArchived = (booking: Pick<BookingAccessFacts, "status">) =>
  booking.status === "archived";

export const isPlatformAdmin = (actor: Actor) => actor.platformRole === "admin";

const membershipIn = (actor: Actor, organizationId: string) =>
  actor.memberships.find((m) => m.organizationId === organizationId);

const isOrganizationManager = (actor: Actor, organizationId: string) => {
  const role = membershipIn(actor, organizationId)?.role;
  return role === "owner" || role === "admin";
};

const belongsToTeam = (actor: Actor, teamId: string) => actor.teams.some((t) => t.teamId === teamId);

export const isBookingSpecialist = (actor: Actor, booking: BookingAccessFacts) =>
  actor.specialistIds.includes(booking.specialistId);

/** Sees it as a referrer: through organization membership, not as its specialist. */
export function canSeeAsReferrer(actor: Actor, booking: BookingAccessFacts): boolean {
  const membership = membershipIn(actor, booking.organizationId);
  if (!membership) return false;
  if (membership.role === "owner" || membership.role === "admin") return true;
  return (
    booking.teamId === null ||
    belongsToTeam(actor, booking.teamId) ||
    booking.createdById === actor.userId ||
    booking.createdForId === actor.userId
  );
}

export function canViewBooking(actor: Actor, booking: BookingAccessFacts): boolean {
  return isPlatformAdmin(actor) || isBookingSpecialist(actor, booking) || canSeeAsReferrer(actor, booking);
}

/**
 * Referrers book for their own organization: a member for a team they belong to (without a
 * team only when they belong to none there), owners/admins for any team of it or none.
 * `team` carries the team's organization so a team of another organization is refused.
 */
export function canCreateBooking(
  actor: Actor,
  target: { organizationId: string; team: { id: string; organizationId: string } | null },
): boolean {
  if (target.team && target.team.organizationId !== target.organizationId) return false;
  if (isPlatformAdmin(actor)) return true;
  const membership = membershipIn(actor, target.organizationId);
  if (!membership) return false;
  if (isOrganizationManager(actor, target.organizationId)) return true;
  // PRODUCT.md: a member books "only for a team they belong to". A booking without a team is
  // visible to every member of the organization, so a member of some team may not widen a
  // booking that way; a member of no team has only that choice, so it stays open to them.
  if (!target.team) return !actor.teams.some((t) => t.organizationId === target.organizationId);
  return belongsToTeam(actor, target.team.id);
}

/**
 * Whether there is any organization this actor may book for — what the navigation and the
 * booking screens ask before offering "New booking". Same rule as canCreateBooking with the
 * target left open: platform admins, and members of at least one organization.
 */
export function canBookForAnyOrganization(actor: Actor): boolean {
  return isPlatformAdmin(actor) || actor.memberships.length > 0;
}

/** Reschedule and cancel: admins, and referrers who can see the booking. */
export function canRescheduleOrCancel(actor: Actor, booking: BookingAccessFacts): boolean {
  if (isBookingArchived(booking)) return false;
  return isPlatformAdmin(actor) || canSeeAsReferrer(actor, booking);
}

/**
 * A booking's report recipients (further e-mail addresses its notices go to): whoever may
 * reschedule or cancel it — admins and referrers who see it —, never once it is archived.
 */
export const canManageBookingContacts = (actor: Actor, booking: BookingAccessFacts) =>
  canRescheduleOrCancel(actor, booking);

/**
 * The coarse gate of the booking recipient actions: someone who could manage some booking's
 * recipients (platform admin, organization member). The record-level answer is canManageBookingContacts.
 */
export const canManageSomeBookingContacts = (actor: Actor) =>
  isPlatformAdmin(actor) || actor.memberships.length > 0;

/** An organization's default report recipients: its owners and admins, and platform admins. */
export const canManageOrganizationContacts = (actor: Actor, organizationId: string) =>
  isPlatformAdmin(actor) || isOrganizationManager(actor, organizationId);

/** The coarse gate of the organization recipient actions: a platform admin, or an owner/admin of some organization. */
export const canManageSomeOrganizationContacts = (actor: Actor) =>
  isPlatformAdmin(actor) || actor.memberships.some((m) => m.role === "owner" || m.role === "admin");

/** The stages each role may move a booking to, read from the lifecycle table (its one home). */
const stagesOf = (role: TransitionRole): ReadonlySet<ProgressStage> =>
  new Set(TRANSITIONS.filter((rule) => rule.roles.includes(role)).map((rule) => rule.to));
const SPECIALIST_STAGES = stagesOf("specialist");
const REFERRER_STAGES = stagesOf("referrer");

/** Who may move a booking to a stage at all; the progress state machine adds order and timing. */
export function canSetProgress(actor: Actor, booking: BookingAccessFacts, stage: ProgressStage): boolean {
  if (isBookingArchived(booking)) return false;
  if (isPlatformAdmin(actor)) return true;
  if (isBookingSpecialist(actor, booking) && SPECIALIST_STAGES.has(stage)) return true;
  return canSeeAsReferrer(actor, booking) && REFERRER_STAGES.has(stage);
}

/**
 * The coarse gate of progress actions: someone who could set some stage on some booking
 * (admin, specialist, organization member). The record-level answer is canSetProgress.
 */
export const canChangeSomeProgress = (actor: Actor) =>
  isPlatformAdmin(actor) || actor.specialistIds.length > 0 || actor.memberships.length > 0;

/** Admin corrections of a stage (any stage to any stage, with a note). */
export const canCorrectProgress = (actor: Actor) => isPlatformAdmin(actor);

/** The specialist workspace (agenda, reports owed): users linked to a specialist record. */
export const hasSpecialistWorkspace = (actor: Actor) => actor.specialistIds.length > 0;

/** payment_received, closing and archiving (archived → anything is refused by STATUS_TRANSITIONS). */
export const canManageBookingStatus = (actor: Actor) => isPlatformAdmin(actor);

/** Moving a booking to another organization or team: admins, never an archived booking. */
export const canMoveBooking = (actor: Actor, booking: Pick<BookingAccessFacts, "status">) =>
  canUseAdminConsole(actor) && !isBookingArchived(booking);

const SPECIALIST_UPLOADS: readonly DocumentCategory[] = ["report", "dictation", "other"];
const REFERRER_UPLOADS: readonly DocumentCategory[] = ["consent_form", "brief", "other"];

export function canUploadDocument(
  actor: Actor,
  booking: BookingAccessFacts,
  category: DocumentCategory,
): boolean {
  if (isBookingArchived(booking)) return false;
  if (isPlatformAdmin(actor)) return true;
  if (isBookingSpecialist(actor, booking) && SPECIALIST_UPLOADS.includes(category)) return true;
  return canSeeAsReferrer(actor, booking) && REFERRER_UPLOADS.includes(category);
}

/** Referrers download everything of a booking they see except dictations. */
export function canDownloadDocument(
  actor: Actor,
  booking: BookingAccessFacts,
  category: DocumentCategory,
): boolean {
  if (isPlatformAdmin(actor) || isBookingSpecialist(actor, booking)) return true;
  return canSeeAsReferrer(actor, booking) && category !== "dictation";
}

/** The admin console: platform admins acting as themselves. */
export const canUseAdminConsole = (actor: Actor) => isPlatformAdmin(actor) && actor.impersonatorId === null;

export interface ImpersonationTarget {
  id: string;
  email: string;
  role: string | null;
  banned: boolean | null;
}

/**
 * Only admins (not already impersonating), never of another admin, a banned user, oneself,
 * or the system account (not a person: acting as it would pass an admin's acts off as Acuity's).
 */
export function canImpersonate(actor: Actor, target: ImpersonationTarget): boolean {
  if (!canUseAdminConsole(actor)) return false;
  if (target.id === actor.userId || isSystemAccount(target)) return false;
  if ((target.role ?? "user").split(",").includes("admin")) return false;
  return !target.banned;
}

/**
 * Ban, unban, reset password, revoke sessions: admins, never on their own account (they would
 * lock themselves out) nor on the system account (a password would let someone sign in as it).
 */
export const canManageUserAccount = (actor: Actor, target: { id: string; email: string }) =>
  canUseAdminConsole(actor) && target.id !== actor.userId && !isSystemAccount(target);

// ---------------------------------------------------------------------------------------------
// Sessions and password (issue 17): Settings → Security, Admin → Users → sessions
// ---------------------------------------------------------------------------------------------

/**
 * Ending one's own sessions and changing one's own password: the person, as themselves. An admin
 * impersonating sees the user's sessions (their own impersonation among them) but changes
 * nothing there; from the admin console they act as the admin, audited as such.
 */
export const canManageOwnSessions = (actor: Actor) => actor.impersonatorId === null;

/** Ending one session: the account's own (the person as themselves); anyone else's is "not found". */
export const canEndOwnSession = (actor: Actor, session: { userId: string }) =>
  canManageOwnSessions(actor) && session.userId === actor.userId;

/**
 * Another user's sessions, seen and ended from the admin console: admins acting as themselves.
 * Not their own account there (Settings → Security ends theirs, keeping the one they use), nor
 * the system account (it never signs in).
 */
export const canManageUserSessions = (actor: Actor, target: { id: string; email: string }) =>
  canManageUserAccount(actor, target);

// ---------------------------------------------------------------------------------------------
// Billing (issue 18): fee schedules and charges
// ---------------------------------------------------------------------------------------------

/** The fee schedules (default and per organization): admins in the admin console. */
export const canManageFeeSchedules = (actor: Actor) => canUseAdminConsole(actor);

/** Waiving a charge (with a reason): admins in the admin console. */
export const canWaiveCharge = (actor: Actor) => canUseAdminConsole(actor);

/**
 * An organization's charges: its owners and admins, and platform admins. Members and
 * specialists do not see what a booking costs; for them the charges are "not found".
 */
export const canViewCharges = (actor: Actor, organizationId: string) =>
  isPlatformAdmin(actor) || isOrganizationManager(actor, organizationId);

// ---------------------------------------------------------------------------------------------
// Billing (issue 18): invoices, credit notes and billing contacts
// ---------------------------------------------------------------------------------------------

/** Drafting, issuing, voiding, marking paid, resending, the CSV export: admins in the admin console. */
export const canManageInvoices = (actor: Actor) => canUseAdminConsole(actor);

/**
 * One invoice (its page and its PDFs): platform admins, and the owners and admins of its
 * organization once it is issued (a draft is the provider's work in progress). Members,
 * specialists and other organizations get "not found".
 */
export const canViewInvoice = (actor: Actor, invoice: { organizationId: string; state: string }) =>
  isPlatformAdmin(actor) ||
  (invoice.state !== "draft" && isOrganizationManager(actor, invoice.organizationId));

/** The organizations whose invoices this actor sees outside the admin console (owner/admin memberships). */
export const invoiceOrganizationsOf = (actor: Actor): string[] =>
  actor.memberships.filter((m) => m.role === "owner" || m.role === "admin").map((m) => m.organizationId);

/** Whether the navigation offers "Invoices" (the organization's view): an owner or admin of some organization. */
export const canSeeOrganizationInvoices = (actor: Actor) => invoiceOrganizationsOf(actor).length > 0;

/** An organization's billing contacts (where its invoices are e-mailed): its owners and admins, and platform admins. */
export const canManageBillingContacts = (actor: Actor, organizationId: string) =>
  isPlatformAdmin(actor) || isOrganizationManager(actor, organizationId);

/** The coarse gate of the billing contact actions; the record-level answer is canManageBillingContacts. */
export const canManageSomeBillingContacts = (actor: Actor) =>
  isPlatformAdmin(actor) || canSeeOrganizationInvoices(actor);

// ---------------------------------------------------------------------------------------------
// Two-factor sign-in (issue 17): Settings → Two-factor, Admin → Users, organization setting
// ---------------------------------------------------------------------------------------------

/**
 * Removing a user's second factor without their backup code (they lost the phone): an admin
 * acting as themselves, never on their own account — nobody resets their own without a backup code.
 */
export const canResetTwoFactorOf = (actor: Actor, target: { id: string; email: string }) =>
  canUseAdminConsole(actor) && target.id !== actor.userId && !isSystemAccount(target);

/** Turning one's own second factor off (with a backup code): the person, not an admin impersonating them. */
export const canManageOwnTwoFactor = (actor: Actor) => actor.impersonatorId === null;

/** An organization's own settings (whether its members must use two-factor): its owners, as themselves. */
export const canChangeOrganizationSettings = (actor: Actor, organizationId: string) =>
  actor.impersonatorId === null &&
  actor.memberships.some((m) => m.organizationId === organizationId && m.role === "owner");

/** The coarse gate of the organization-settings action; the record-level answer is canChangeOrganizationSettings. */
export const canChangeSomeOrganizationSettings = (actor: Actor) =>
  actor.impersonatorId === null && actor.memberships.some((m) => m.role === "owner");

// ---------------------------------------------------------------------------------------------
// Referral details and report due dates (issue 15)
// ---------------------------------------------------------------------------------------------

/**
 * A booking's referral details (claim number, date of injury, report type, the case manager's
 * reference): whoever may reschedule or cancel it — admins and the referrers who see it (its
 * organization's owners and admins among them). Not its specialist, and never once archived.
 */
export const canEditReferralDetails = (actor: Actor, booking: BookingAccessFacts) =>
  canRescheduleOrCancel(actor, booking);

/** The coarse gate of the referral-details action; the record-level answer is canEditReferralDetails. */
export const canEditSomeReferralDetails = (actor: Actor) =>
  isPlatformAdmin(actor) || actor.memberships.length > 0;

/** The business days after which an organization's reports are due: admins in the admin console. */
export const canChangeReportDueDays = (actor: Actor) => canUseAdminConsole(actor);

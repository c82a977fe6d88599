import { z } from "zod";

/**
 * Every audited action, dotted `<resource>.<verb>`. A new mutation adds its action here,
 * so the audit trail's filters and the code agree on one list.
 */
export const AUDIT_ACTIONS = [
  "auth.signed_in",
  "auth.signed_out",
  "impersonation.started",
  "impersonation.stopped",
  /** The hour ran out; the admin was put back into their own session. */
  "impersonation.expired",
  "booking.created",
  "booking.rescheduled",
  "booking.cancelled",
  "booking.progress_changed",
  "booking.status_changed",
  "booking.updated",
  "booking.synced_from_acuity",
  "booking.moved",
  /** A further recipient of the booking's notifications (report receiving contact) was named or removed. */
  "booking.contact_added",
  "booking.contact_removed",
  "document.uploaded",
  "document.downloaded",
  "document.upload_cancelled",
  /** At confirm the file's bytes were another type than it claimed (an EXE named .pdf): deleted, never a document. */
  "document.refused",
  "document.deleted",
  "specialist.created",
  "specialist.updated",
  "user.created",
  "user.updated",
  "user.banned",
  "user.unbanned",
  "user.sessions_revoked",
  "user.password_set",
  /** The first platform admin, made by `npm run admin:create` on the server (no one signed in). */
  "admin.bootstrapped",
  "invitation.created",
  "invitation.accepted",
  "invitation.cancelled",
  "organization.created",
  "organization.updated",
  "organization.member_added",
  "organization.member_removed",
  "organization.member_role_changed",
  /** A default report recipient of the organization's new bookings was named or removed. */
  "organization.contact_added",
  "organization.contact_removed",
  "team.created",
  "team.updated",
  "team.deleted",
  "team.member_added",
  "team.member_removed",
  "webhook.replayed",
  "acuity.reconciled",
  /** The worker cancelled an appointment the portal made but never saved a booking for. */
  "acuity.abandoned_appointment_cancelled",
  "audit.exported",
  // Billing (issue 18; lib/billing): fee schedules and charges.
  /** An admin created or changed a fee schedule (the default or an organization's); metadata holds from/to. */
  "fee_schedule.saved",
  /** An admin removed an organization's own schedule: the default applies to it again. */
  "fee_schedule.deleted",
  /** A stage change (report generated, late cancellation, no-show) charged the booking, at the price then in effect. */
  "charge.created",
  /** An admin waived a charge, with the reason in metadata. */
  "charge.waived",
  /** Someone asked for a reset link for this account (only accounts that exist; the answer never says). */
  "auth.password_reset_requested",
  /** The account's password was replaced through a reset link; its sessions were ended. */
  "auth.password_reset_completed",
  "notification.read",
  "notifications.read_all",
  /** E-mail on/off per kind and the time zone e-mails are written in (only what changed is recorded). */
  "notification_preferences.updated",
  /** An admin queued a copy of an outbox e-mail (failed or sent) again, to the same recipient. */
  "email.resent",
  // Sessions and password (issue 17; lib/sessions).
  /** One session was signed out from the sessions list, by its own user or an admin (metadata: whose, which device, an impersonation's admin). */
  "session.ended",
  /** The user signed out every session but the one they were using. */
  "session.others_ended",
  /** The user changed their password (the current one typed); every other session of theirs was ended. */
  "auth.password_changed",
  // Two-factor sign-in (issue 17; lib/two-factor).
  /** The user confirmed an authenticator code; their second factor is on. */
  "auth.two_factor_enrolled",
  /** A backup code stood in for the authenticator (each works once). */
  "auth.two_factor_backup_code_used",
  /** The user turned their own second factor off, proving it with a backup code. */
  "auth.two_factor_disabled",
  /** An admin removed a user's second factor (reason in metadata); the user enrols again. */
  "user.two_factor_reset",
  /** An organization owner changed whether the organization's members must use two-factor. */
  "organization.settings_updated",
  // Billing: invoices (issue 18; lib/billing/invoices).
  /** A draft gathered an organization's unbilled charges for a period (or one booking). */
  "invoice.drafted",
  /** Numbered, its PDF stored and e-mailed to the billing contacts. */
  "invoice.issued",
  /** A draft released its charges, or an issued invoice was credited by a credit note. */
  "invoice.voided",
  /** Paid: its examinations' bookings moved to payment received in the same transaction. */
  "invoice.paid",
  "invoice.resent",
  "invoice.downloaded",
  "invoice.exported",
  "billing_contact.added",
  "billing_contact.removed",
  // Referral details and report due dates (issue 15).
  /** A booking's claim number, date of injury, report type or reference changed (metadata: each changed field's from/to). */
  "booking.referral_details_changed",
  /** An admin changed the business days after which an organization's reports are due (metadata: from/to). */
  "organization.report_due_days_changed",
] as const;

export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const AUDIT_RESOURCE_TYPES = [
  "session",
  "user",
  "booking",
  "document",
  "specialist",
  "organization",
  "team",
  "webhook_event",
  "acuity",
  "invitation",
  "audit_log",
  "fee_schedule",
  "charge",
  "notification",
  "outbox_email",
  "invoice",
  "billing_contact",
] as const;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

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
  "notification",
  "outbox_email",
] as const;
export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];

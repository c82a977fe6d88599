/**
 * What the portal tells people, in one place (shared/PRODUCT.md "Notifications").
 *
 * An *event* is one real change (a booking booked, moved, cancelled, marked no-show, its report
 * ready; something that needs a person). It is recorded once, in the transaction of the change,
 * and fans out to *messages*: one in-app notification per reader, and one e-mail per recipient
 * whose preference allows it. E-mail kinds are what a user can switch on and off.
 */

export const NOTIFICATION_EVENT_KINDS = [
  "booking.booked",
  "booking.rescheduled",
  "booking.cancelled",
  "booking.no_show",
  "booking.report_ready",
  /** A webhook event that gave up, an appointment that could not be recorded, an e-mail undeliverable. */
  "attention.needed",
] as const;
export type NotificationEventKind = (typeof NOTIFICATION_EVENT_KINDS)[number];

export type EmailAudience = "referrer" | "specialist" | "admin" | "account";

export interface EmailKindInfo {
  audience: EmailAudience;
  /** What the preferences page calls it. */
  label: string;
  /** Report-ready and security e-mails cannot be switched off (the rule). */
  alwaysSent: boolean;
  /** Whether a user can choose it on the preferences page (invitations go to people without an account). */
  inPreferences: boolean;
}

export const EMAIL_KINDS = {
  booking_booked: {
    audience: "referrer",
    label: "Booking confirmed",
    alwaysSent: false,
    inPreferences: true,
  },
  booking_rescheduled: {
    audience: "referrer",
    label: "Booking rescheduled",
    alwaysSent: false,
    inPreferences: true,
  },
  booking_cancelled: {
    audience: "referrer",
    label: "Booking cancelled",
    alwaysSent: false,
    inPreferences: true,
  },
  booking_no_show: {
    audience: "referrer",
    label: "Examinee did not attend",
    alwaysSent: false,
    inPreferences: true,
  },
  report_ready: { audience: "referrer", label: "Report ready", alwaysSent: true, inPreferences: true },
  examination_booked: {
    audience: "specialist",
    label: "New examination on your calendar",
    alwaysSent: false,
    inPreferences: true,
  },
  examination_rescheduled: {
    audience: "specialist",
    label: "Examination rescheduled",
    alwaysSent: false,
    inPreferences: true,
  },
  examination_cancelled: {
    audience: "specialist",
    label: "Examination cancelled",
    alwaysSent: false,
    inPreferences: true,
  },
  reports_owed_digest: {
    audience: "specialist",
    label: "Daily digest of reports owed",
    alwaysSent: false,
    inPreferences: true,
  },
  attention_digest: {
    audience: "admin",
    label: "Daily digest of what needs a person",
    alwaysSent: false,
    inPreferences: true,
  },
  password_reset: { audience: "account", label: "Password reset", alwaysSent: true, inPreferences: true },
  invitation: { audience: "account", label: "Invitation", alwaysSent: true, inPreferences: false },
  /** To an organization's owners and billing contacts, the PDF attached (lib/billing/invoices). */
  invoice_issued: { audience: "account", label: "Invoice", alwaysSent: true, inPreferences: false },
  credit_note_issued: { audience: "account", label: "Credit note", alwaysSent: true, inPreferences: false },
} as const satisfies Record<string, EmailKindInfo>;

export type EmailKind = keyof typeof EMAIL_KINDS;
export const EMAIL_KIND_NAMES = Object.keys(EMAIL_KINDS) as EmailKind[];

/** Which e-mail a booking event sends to the booking's referrer side, and to its specialist. */
export const EMAIL_KIND_OF_EVENT: Record<
  Exclude<NotificationEventKind, "attention.needed">,
  { referrer: EmailKind; specialist: EmailKind | null }
> = {
  "booking.booked": { referrer: "booking_booked", specialist: "examination_booked" },
  "booking.rescheduled": { referrer: "booking_rescheduled", specialist: "examination_rescheduled" },
  "booking.cancelled": { referrer: "booking_cancelled", specialist: "examination_cancelled" },
  "booking.no_show": { referrer: "booking_no_show", specialist: null },
  "booking.report_ready": { referrer: "report_ready", specialist: null },
};

/** What an event records beside its booking: enough to render its messages later, never examinee data. */
export interface NotificationEventFacts {
  /** booking.rescheduled: the appointment time it moved from and to (ISO instants). */
  from?: string;
  to?: string;
  /** attention.needed: what happened, as a sentence an admin can act on, and what it concerns. */
  summary?: string;
  /** attention.needed: LOG_EVENTS name, e.g. webhook.event_gave_up. */
  reason?: string;
  /** Where the change came from: the portal (a person) or Acuity (a webhook or reconcile). */
  via?: "portal" | "acuity";
}

/** E-mail delivery states of an outbox row. */
export const EMAIL_STATUSES = ["queued", "sent", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

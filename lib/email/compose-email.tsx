/**
 * One outbox row's message, from what the worker loaded at send time (load-email-input.ts):
 * the subject, the React element of its template, and — for the referrer's booking e-mails —
 * the `.ics`. Pure: no database, no clock, so each kind is tested on its own.
 */
import type { ReactElement } from "react";
import type { AppointmentType } from "@/db/schema/enums";
import { invitationAcceptUrl } from "@/lib/email/invitation-link";
import { EMAIL_KINDS, type EmailKind } from "@/lib/notifications/kinds";
import { dateLabel, dateTimeLabel } from "@/lib/time/people-time";
import { bookingCalendar } from "./booking-calendar";
import {
  attentionDigestPayloadSchema,
  bookingRecipientPayloadSchema,
  invitationPayloadSchema,
  invoiceEmailPayloadSchema,
  passwordResetPayloadSchema,
  reportsOwedDigestPayloadSchema,
} from "./email-payloads";
import { InvitationEmail, PasswordResetEmail } from "./templates/account-emails";
import {
  appointmentTime,
  appointmentView,
  bookingUrlOf,
  type AppointmentView,
} from "./templates/appointment-view";
import {
  BookingBookedEmail,
  BookingCancelledEmail,
  BookingNoShowEmail,
  BookingRescheduledEmail,
  ExaminationBookedEmail,
  ExaminationCancelledEmail,
  ExaminationRescheduledEmail,
} from "./templates/booking-notices";
import { AttentionDigestEmail, ReportsOwedDigestEmail } from "./templates/digests";
import { InvoiceIssuedEmail } from "./templates/invoice-emails";
import type { EmailFooter, TemplateCommon } from "./templates/layout";
import { ReportReadyEmail } from "./templates/report-ready";

export interface EmailBookingFacts {
  id: string;
  appointmentDate: Date;
  appointmentType: AppointmentType;
  meetingLink: string | null;
  specialist: { name: string; specialty: string; timeZone: string; location: string | null };
  /** Who booked (named to report recipients without an account, who must ask them for access). */
  bookerName: string | null;
}

export interface EmailEventFacts {
  /** booking.rescheduled: the time it moved from and to. */
  from: Date | null;
  to: Date | null;
  /** Earlier booked/rescheduled/cancelled events of the booking: the `.ics` SEQUENCE. */
  sequence: number;
}

export interface ComposeInput {
  kind: EmailKind;
  baseUrl: string;
  toAddress: string;
  /** The recipient's zone (their settings), or null: then times are also given in UTC. */
  recipientZone: string | null;
  /** Whether the recipient is a portal user (report recipients may not be). */
  hasAccount: boolean;
  /** The portal as the calendar invitation's organizer (SMTP_FROM). */
  organizer: { name: string; email: string };
  booking: EmailBookingFacts | null;
  event: EmailEventFacts | null;
  payload: unknown;
}

export interface ComposedEmail {
  subject: string;
  element: ReactElement;
  calendar?: { method: "REQUEST" | "CANCEL"; content: string; filename: string };
  /** Stored objects to attach (an invoice's PDF): the worker reads their bytes when it sends. */
  attachments?: { filename: string; storageKey: string; contentType: string }[];
}

/** Overdue among the listed reports (listed by due day, so every overdue one is listed unless all
 * listed are overdue and more are not listed: then "n+"); null for none. */
function overdueLabel(rows: { overdue: boolean }[], total: number): string | null {
  const overdue = rows.filter((row) => row.overdue).length;
  if (overdue === 0) return null;
  return overdue === rows.length && total > rows.length ? `${overdue}+` : String(overdue);
}

const preferencesUrlOf = (baseUrl: string) => new URL("/settings/notifications", baseUrl).toString();

function footerOf(input: ComposeInput, reason: string): EmailFooter {
  const info = EMAIL_KINDS[input.kind];
  if (!input.hasAccount) {
    return {
      reason,
      note:
        info.audience === "referrer"
          ? "To stop these e-mails, ask the person who booked the examination to remove this address from it."
          : null,
    };
  }
  return info.alwaysSent
    ? { reason, note: `${info.label} e-mails are always sent.` }
    : { reason, preferencesUrl: preferencesUrlOf(input.baseUrl) };
}

const REFERRER_REASON = {
  booker: "You get this e-mail because you booked this examination in the IME Portal.",
  contact: "You get this e-mail because this booking names you to receive its notices.",
  either:
    "You get this e-mail because you booked this examination in the IME Portal, or are named on it to receive its notices.",
};

interface RecipientFacts {
  reason: string;
  greeting: string | null;
  /** Whether signing in shows them the booking (else they are told to ask the booker). */
  canSignIn: boolean;
}

/** Who the reader is to the booking, from the fan-out's payload (lenient: an older row has none). */
function recipientOf(input: ComposeInput): RecipientFacts {
  const parsed = bookingRecipientPayloadSchema.safeParse(input.payload ?? {});
  const payload = parsed.success ? parsed.data : {};
  const role = payload.role ?? (input.hasAccount ? null : "contact");
  return {
    reason:
      role === "booker"
        ? REFERRER_REASON.booker
        : role === "contact"
          ? REFERRER_REASON.contact
          : REFERRER_REASON.either,
    greeting: payload.name ? `Hello ${payload.name},` : null,
    canSignIn: payload.canSignIn ?? input.hasAccount,
  };
}

/** Under a booking e-mail to someone the booking page would not open for. */
const accessNoteOf = (booking: EmailBookingFacts, recipient: RecipientFacts) =>
  recipient.canSignIn
    ? null
    : `The booking page opens only for portal users with access to this booking: ask ${booking.bookerName ?? "the person who booked the examination"} if you need it.`;
const SPECIALIST_REASON =
  "You get this e-mail because the examination is on your calendar in the IME Portal.";

/** A booking e-mail whose booking was deleted (the outbox row keeps no link to it then). */
export class MissingBookingError extends Error {
  constructor(kind: EmailKind) {
    super(`the ${kind} e-mail needs its booking, which no longer exists`);
    this.name = "MissingBookingError";
  }
}

function needBooking(input: ComposeInput): EmailBookingFacts {
  if (!input.booking) throw new MissingBookingError(input.kind);
  return input.booking;
}

function viewOf(
  input: ComposeInput,
  booking: EmailBookingFacts,
  instant = booking.appointmentDate,
): AppointmentView {
  return appointmentView({
    bookingId: booking.id,
    baseUrl: input.baseUrl,
    appointmentDate: instant,
    appointmentType: booking.appointmentType,
    meetingLink: booking.meetingLink,
    specialist: booking.specialist,
    recipientZone: input.recipientZone,
  });
}

function calendarOf(
  input: ComposeInput,
  view: AppointmentView,
  start: Date,
  method: "REQUEST" | "CANCEL",
): ComposedEmail["calendar"] {
  const content = bookingCalendar({
    bookingId: view.bookingId,
    method,
    sequence: input.event?.sequence ?? 0,
    start,
    title: `IME with ${view.specialistName} (ref ${view.bookingId})`,
    description: `Independent medical examination, ${view.typeLabel.toLowerCase()}. Booking ${view.bookingId}: ${view.bookingUrl}`,
    location: view.address ?? view.meetingLink,
    url: view.bookingUrl,
    organizer: input.organizer,
    attendeeEmail: input.toAddress,
  });
  return { method, content, filename: method === "CANCEL" ? "cancel.ics" : "invite.ics" };
}

export function composeEmail(input: ComposeInput): ComposedEmail {
  const common = (reason: string): TemplateCommon => ({
    baseUrl: input.baseUrl,
    footer: footerOf(input, reason),
  });
  /** The referrer side's booking e-mails: greeted by name, told why, and what to do without access. */
  const referrer = (booking: EmailBookingFacts, accessNote = true): TemplateCommon => {
    const recipient = recipientOf(input);
    return {
      ...common(recipient.reason),
      greeting: recipient.greeting,
      accessNote: accessNote ? accessNoteOf(booking, recipient) : null,
    };
  };
  switch (input.kind) {
    case "booking_booked": {
      const booking = needBooking(input);
      const view = viewOf(input, booking);
      return {
        subject: `Booking confirmed: ${view.specialistName}, ${view.when.short} (ref ${booking.id})`,
        element: <BookingBookedEmail common={referrer(booking)} view={view} />,
        calendar: calendarOf(input, view, booking.appointmentDate, "REQUEST"),
      };
    }
    case "booking_rescheduled":
    case "examination_rescheduled": {
      const booking = needBooking(input);
      // The event says where it moved to; a later move sends its own e-mail.
      const to = input.event?.to ?? booking.appointmentDate;
      const view = viewOf(input, booking, to);
      const previous = input.event?.from
        ? appointmentTime(input.event.from, booking.specialist.timeZone, input.recipientZone)
        : null;
      if (input.kind === "examination_rescheduled") {
        return {
          subject: `Examination rescheduled: now ${view.when.short} (ref ${booking.id})`,
          element: (
            <ExaminationRescheduledEmail common={common(SPECIALIST_REASON)} view={view} previous={previous} />
          ),
        };
      }
      return {
        subject: `Booking rescheduled: ${view.specialistName}, now ${view.when.short} (ref ${booking.id})`,
        element: <BookingRescheduledEmail common={referrer(booking)} view={view} previous={previous} />,
        calendar: calendarOf(input, view, to, "REQUEST"),
      };
    }
    case "booking_cancelled": {
      const booking = needBooking(input);
      const view = viewOf(input, booking);
      return {
        subject: `Booking cancelled: ${view.specialistName}, ${view.when.short} (ref ${booking.id})`,
        element: <BookingCancelledEmail common={referrer(booking)} view={view} />,
        calendar: calendarOf(input, view, booking.appointmentDate, "CANCEL"),
      };
    }
    case "booking_no_show": {
      const booking = needBooking(input);
      const view = viewOf(input, booking);
      return {
        subject: `Examinee did not attend: ${view.specialistName}, ${view.when.short} (ref ${booking.id})`,
        element: <BookingNoShowEmail common={referrer(booking)} view={view} />,
      };
    }
    case "report_ready": {
      const booking = needBooking(input);
      const view = viewOf(input, booking);
      return {
        subject: `Report ready: booking ${booking.id} with ${view.specialistName}`,
        element: (
          <ReportReadyEmail
            common={referrer(booking, false)}
            view={view}
            hasAccount={input.hasAccount}
            canSignIn={recipientOf(input).canSignIn}
            bookerName={booking.bookerName}
          />
        ),
      };
    }
    case "examination_booked": {
      const booking = needBooking(input);
      const view = viewOf(input, booking);
      return {
        subject: `New examination: ${view.when.short} (ref ${booking.id})`,
        element: <ExaminationBookedEmail common={common(SPECIALIST_REASON)} view={view} />,
      };
    }
    case "examination_cancelled": {
      const booking = needBooking(input);
      const view = viewOf(input, booking);
      return {
        subject: `Examination cancelled: ${view.when.short} (ref ${booking.id})`,
        element: <ExaminationCancelledEmail common={common(SPECIALIST_REASON)} view={view} />,
      };
    }
    case "reports_owed_digest": {
      const { items, total: counted, totalIsCapped } = reportsOwedDigestPayloadSchema.parse(input.payload);
      // Older digests carry no total: then the items are all of them.
      const total = Math.max(counted ?? 0, items.length);
      const totalLabel = `${total.toLocaleString("en-US")}${totalIsCapped ? "+" : ""}`;
      // Overdue first, then by due date (unknown last): the order to write them in.
      const ordered = [...items].sort(
        (a, b) =>
          Number(b.overdue) - Number(a.overdue) ||
          (a.dueDate ?? "9999-12-31").localeCompare(b.dueDate ?? "9999-12-31"),
      );
      const rows = ordered.map((item) => ({
        bookingId: item.bookingId,
        bookingUrl: bookingUrlOf(input.baseUrl, item.bookingId),
        examined: dateTimeLabel(new Date(item.appointmentDate), item.specialistTimeZone, "weekdayYear"),
        // A calendar date: read at noon UTC so no zone moves it to the day before.
        due: item.dueDate ? dateLabel(new Date(`${item.dueDate}T12:00:00Z`), "UTC", "date") : null,
        overdue: item.overdue,
      }));
      const overdue = overdueLabel(rows, total);
      return {
        subject: `Reports owed: ${totalLabel}${overdue ? ` (${overdue} overdue)` : ""}`,
        element: (
          <ReportsOwedDigestEmail
            common={common(
              "You get this daily digest because you are a specialist in the IME Portal with reports to write.",
            )}
            rows={rows}
            totalLabel={totalLabel}
            overdue={overdue}
            more={
              total > rows.length
                ? `${(total - rows.length).toLocaleString("en-US")}${totalIsCapped ? "+" : ""}`
                : null
            }
            homeUrl={new URL("/specialist", input.baseUrl).toString()}
          />
        ),
      };
    }
    case "attention_digest": {
      const { items, total: counted } = attentionDigestPayloadSchema.parse(input.payload);
      const total = Math.max(counted ?? 0, items.length);
      const zone = input.recipientZone ?? "UTC";
      const rows = items.map((item) => ({
        summary: item.summary,
        reason: item.reason,
        at: dateTimeLabel(new Date(item.at), zone, "weekday"),
        bookingId: item.bookingId,
        bookingUrl: item.bookingId ? bookingUrlOf(input.baseUrl, item.bookingId) : null,
      }));
      return {
        subject:
          total === 1
            ? "One thing needs a person in the IME Portal"
            : `${total} things need a person in the IME Portal`,
        element: (
          <AttentionDigestEmail
            common={common("You get this daily digest because you are a platform admin of the IME Portal.")}
            rows={rows}
            total={total}
            adminUrl={new URL("/admin", input.baseUrl).toString()}
          />
        ),
      };
    }
    case "password_reset": {
      const { url } = passwordResetPayloadSchema.parse(input.payload);
      return {
        subject: "Reset your IME Portal password",
        element: (
          <PasswordResetEmail
            common={common("You get this e-mail because a password reset was asked for this address.")}
            url={url}
          />
        ),
      };
    }
    case "invoice_issued":
    case "credit_note_issued": {
      const payload = invoiceEmailPayloadSchema.parse(input.payload);
      const creditNote = input.kind === "credit_note_issued";
      return {
        subject: `${creditNote ? "Credit note" : "Invoice"} ${payload.number} from ${payload.providerName}: ${payload.total}`,
        element: (
          <InvoiceIssuedEmail
            common={common(
              `You get this e-mail because you are an owner or a billing contact of ${payload.organizationName} in the IME Portal.`,
            )}
            payload={payload}
            creditNote={creditNote}
            invoiceUrl={new URL(`/organization/invoices/${payload.invoiceId}`, input.baseUrl).toString()}
          />
        ),
        attachments: [
          { filename: payload.fileName, storageKey: payload.pdfKey, contentType: "application/pdf" },
        ],
      };
    }
    case "invitation": {
      const payload = invitationPayloadSchema.parse(input.payload);
      return {
        subject: `You are invited to ${payload.organizationName} on the IME Portal`,
        element: (
          <InvitationEmail
            common={common(
              `You get this e-mail because ${payload.inviterName} invited this address to the IME Portal.`,
            )}
            organizationName={payload.organizationName}
            inviterName={payload.inviterName}
            role={payload.role}
            acceptUrl={invitationAcceptUrl(input.baseUrl, payload.invitationId)}
            expires={dateTimeLabel(new Date(payload.expiresAt), input.recipientZone ?? "UTC", "long")}
          />
        ),
      };
    }
  }
}

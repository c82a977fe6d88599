/**
 * What one in-app notification says and where it leads, written on the server in the viewer's
 * terms (ARCHITECTURE.md, "Time display rule": an examination time in the specialist's calendar
 * zone, the viewer's own clock beside it when it reads differently). Pure, so the bell, the
 * notifications page and the tests write the same sentence.
 *
 * A booking is named by its reference (the booking id), its specialist and its time — never by
 * the examinee: a notification may be read over someone's shoulder, and the list outlives a
 * reader's access to the details.
 */
import { examinationTime } from "@/lib/time/two-clocks";
import type { NotificationEventFacts, NotificationEventKind } from "./kinds";

export interface NotificationSubject {
  kind: NotificationEventKind;
  bookingId: string | null;
  specialistName: string | null;
  /** The specialist's calendar zone (null on older rows: read in UTC, as the booking page does). */
  specialistZone: string | null;
  /** The booking's appointment as it is now. */
  appointmentAt: Date | null;
  facts: NotificationEventFacts;
}

export interface NotificationText {
  sentence: string;
  href: string;
}

const validDate = (iso: string | undefined): Date | null => {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
};

function examinationLabel(instant: Date, zone: string | null, viewerZone: string | null): string {
  const { primary, secondary } = examinationTime(instant, zone || "UTC", viewerZone, "weekday");
  return secondary ? `${primary} (${secondary} your time)` : primary;
}

/** Where an admin acts on what needs a person, by the log event the attention names. */
function attentionHref(subject: NotificationSubject): string {
  const reason = subject.facts.reason ?? "";
  if (reason.startsWith("email.")) return "/admin/outbox";
  if (reason.startsWith("webhook.") || reason.startsWith("acuity.")) return "/admin/webhooks";
  return subject.bookingId ? `/bookings/${subject.bookingId}` : "/admin/webhooks";
}

export function describeNotification(
  subject: NotificationSubject,
  viewerZone: string | null,
): NotificationText {
  if (subject.kind === "attention.needed") {
    const summary = subject.facts.summary?.trim();
    return {
      sentence: summary ? `Needs attention: ${summary}` : "Something needs a person's attention",
      href: attentionHref(subject),
    };
  }
  const reference = subject.bookingId ?? "unknown";
  const booking = `booking ${reference}${subject.specialistName ? ` with ${subject.specialistName}` : ""}`;
  const href = `/bookings/${reference}`;
  const when = (instant: Date | null) =>
    instant ? examinationLabel(instant, subject.specialistZone, viewerZone) : null;
  const now = when(subject.appointmentAt);

  switch (subject.kind) {
    case "booking.booked":
      return { sentence: `New ${booking}${now ? `: ${now}` : ""}`, href };
    case "booking.rescheduled": {
      const from = when(validDate(subject.facts.from));
      const to = when(validDate(subject.facts.to)) ?? now;
      const move = from && to ? `: ${from} → ${to}` : to ? ` to ${to}` : "";
      return { sentence: `Rescheduled ${booking}${move}`, href };
    }
    case "booking.cancelled":
      // An em dash, not parentheses: the time may carry "(… your time)" of its own.
      return { sentence: `Cancelled ${booking}${now ? ` — was ${now}` : ""}`, href };
    case "booking.no_show":
      return { sentence: `Examinee did not attend — ${booking}${now ? `, ${now}` : ""}`, href };
    case "booking.report_ready":
      return { sentence: `Report ready — ${booking}`, href };
  }
}

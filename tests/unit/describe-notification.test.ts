import { describe, expect, it } from "vitest";
import { describeNotification, type NotificationSubject } from "@/lib/notifications/describe-notification";

const NEW_YORK = "America/New_York";
const SYDNEY = "Australia/Sydney";
/** 9:00 AM in New York on Tuesday 1 December 2026 = 1:00 AM on Wednesday 2 December in Sydney. */
const NY_MORNING = new Date("2026-12-01T14:00:00Z");

const booking = (partial: Partial<NotificationSubject>): NotificationSubject => ({
  kind: "booking.booked",
  bookingId: "bk123",
  specialistName: "Dr. Priya Natarajan",
  specialistZone: NEW_YORK,
  appointmentAt: NY_MORNING,
  facts: {},
  ...partial,
});

describe("describeNotification", () => {
  it("names the booking by reference, specialist and time, and links to it", () => {
    expect(describeNotification(booking({}), NEW_YORK)).toEqual({
      sentence: "New booking bk123 with Dr. Priya Natarajan: Tue, Dec 1, 9:00 AM EST",
      href: "/bookings/bk123",
    });
  });

  it("writes the viewer's own clock beside the specialist's when it differs, with its own day", () => {
    expect(describeNotification(booking({}), SYDNEY).sentence).toBe(
      "New booking bk123 with Dr. Priya Natarajan: Tue, Dec 1, 9:00 AM EST (Wed, Dec 2, 1:00 AM AEDT your time)",
    );
  });

  it("writes a reschedule as old → new", () => {
    const subject = booking({
      kind: "booking.rescheduled",
      facts: { from: "2026-11-30T15:00:00Z", to: NY_MORNING.toISOString() },
    });
    expect(describeNotification(subject, NEW_YORK).sentence).toBe(
      "Rescheduled booking bk123 with Dr. Priya Natarajan: Mon, Nov 30, 10:00 AM EST → Tue, Dec 1, 9:00 AM EST",
    );
  });

  it("says report ready without a time, and cancelled / no-show with it", () => {
    expect(describeNotification(booking({ kind: "booking.report_ready" }), null).sentence).toBe(
      "Report ready — booking bk123 with Dr. Priya Natarajan",
    );
    expect(describeNotification(booking({ kind: "booking.cancelled" }), NEW_YORK).sentence).toBe(
      "Cancelled booking bk123 with Dr. Priya Natarajan — was Tue, Dec 1, 9:00 AM EST",
    );
    expect(describeNotification(booking({ kind: "booking.no_show" }), NEW_YORK).sentence).toBe(
      "Examinee did not attend — booking bk123 with Dr. Priya Natarajan, Tue, Dec 1, 9:00 AM EST",
    );
  });

  it("sends an admin to where the attention is acted on", () => {
    const attention = (reason: string, bookingId: string | null = null) =>
      describeNotification(
        { ...booking({ kind: "attention.needed", bookingId }), facts: { summary: "It gave up.", reason } },
        null,
      );
    expect(attention("webhook.event_gave_up")).toEqual({
      sentence: "Needs attention: It gave up.",
      href: "/admin/webhooks",
    });
    expect(attention("email.undeliverable").href).toBe("/admin/outbox");
    expect(attention("booking.save_failed", "bk9").href).toBe("/bookings/bk9");
  });
});

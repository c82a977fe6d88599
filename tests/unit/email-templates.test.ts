import { describe, expect, it } from "vitest";
import { calendarUid } from "@/lib/email/booking-calendar";
import type { ComposeInput, EmailBookingFacts } from "@/lib/email/compose-email";
import { organizerOf } from "@/lib/email/load-email-input";
import { renderEmail, type RenderedEmail } from "@/lib/email/render-email";
import { EMAIL_KIND_NAMES, type EmailKind } from "@/lib/notifications/kinds";
import { parseIcs } from "../support/mailbox";

/**
 * Every e-mail kind renders to a subject, HTML and a plain-text twin that both carry the link
 * the reader needs; booking e-mails name the booking by its reference, the specialist and the
 * time (on the specialist's clock and the reader's, or UTC); the referrer's booking e-mails carry
 * an .ics a calendar client can act on. What the templates are given holds no examinee data —
 * the loader never selects it (tests/integration/email-delivery.test.ts checks the whole path).
 */
const BASE = "https://portal.example.com";
const BOOKING: EmailBookingFacts = {
  id: "bk_ref_123",
  // 9:00 AM in New York (EST), 2:00 PM UTC.
  appointmentDate: new Date("2026-12-15T14:00:00Z"),
  appointmentType: "in_person",
  meetingLink: null,
  specialist: {
    name: "Dr Ada Reyes",
    specialty: "Orthopaedics",
    timeZone: "America/New_York",
    location: "12 Harbour St, Boston MA",
  },
  bookerName: "Casey Manager",
};
const BOOKING_URL = `${BASE}/bookings/bk_ref_123`;

function input(kind: EmailKind, overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    kind,
    baseUrl: BASE,
    toAddress: "reader@example.com",
    recipientZone: "America/Los_Angeles",
    hasAccount: true,
    organizer: { name: "IME Portal", email: "no-reply@ime-portal.local" },
    booking: BOOKING,
    event: { from: null, to: null, sequence: 0 },
    payload: null,
    ...overrides,
  };
}

const PAYLOADS: Partial<Record<EmailKind, unknown>> = {
  invitation: {
    invitationId: "inv_1",
    organizationName: "Acme Mutual",
    inviterName: "Pat Admin",
    role: "member",
    expiresAt: "2026-12-09T10:00:00.000Z",
  },
  password_reset: { url: `${BASE}/reset-password/tok_secret?callbackURL=%2F` },
  invoice_issued: {
    invoiceId: "inv_doc_1",
    number: "INV-2026-0007",
    providerName: "Harbour IME",
    organizationName: "Acme Mutual",
    total: "USD 1,357.95",
    dueDate: "Dec 31, 2026",
    period: "Nov 1, 2026 – Nov 30, 2026",
    pdfKey: "invoices/org_1/inv_doc_1/INV-2026-0007.pdf",
    fileName: "INV-2026-0007.pdf",
  },
  credit_note_issued: {
    invoiceId: "inv_doc_1",
    number: "CN-2026-0002",
    creditsNumber: "INV-2026-0007",
    providerName: "Harbour IME",
    organizationName: "Acme Mutual",
    total: "USD -1,357.95",
    dueDate: null,
    period: null,
    pdfKey: "invoices/org_1/inv_doc_1/CN-2026-0002.pdf",
    fileName: "CN-2026-0002.pdf",
  },
  reports_owed_digest: {
    items: [
      {
        bookingId: "bk_owed_1",
        appointmentDate: "2026-11-20T15:00:00.000Z",
        specialistTimeZone: "America/New_York",
        dueDate: "2026-12-04",
        overdue: false,
      },
      {
        bookingId: "bk_owed_2",
        appointmentDate: "2026-11-02T15:00:00.000Z",
        specialistTimeZone: "America/New_York",
        dueDate: "2026-11-16",
        overdue: true,
      },
    ],
  },
  attention_digest: {
    items: [
      {
        summary: "A webhook event for appointment 987 gave up after 8 attempts.",
        reason: "webhook.event_gave_up",
        at: "2026-12-01T08:00:00.000Z",
        bookingId: "bk_att_1",
      },
      {
        summary: "An appointment could not be recorded.",
        reason: "acuity.appointment_orphaned",
        at: "2026-12-01T09:00:00.000Z",
        bookingId: null,
      },
    ],
  },
};

async function rendered(kind: EmailKind, overrides: Partial<ComposeInput> = {}): Promise<RenderedEmail> {
  return renderEmail(input(kind, { payload: PAYLOADS[kind] ?? null, ...overrides }));
}

/** The link each kind's reader must be able to follow, in HTML and in text alike. */
const LINK_OF: Record<EmailKind, string> = {
  booking_booked: BOOKING_URL,
  booking_rescheduled: BOOKING_URL,
  booking_cancelled: BOOKING_URL,
  booking_no_show: BOOKING_URL,
  report_ready: BOOKING_URL,
  examination_booked: BOOKING_URL,
  examination_rescheduled: BOOKING_URL,
  examination_cancelled: BOOKING_URL,
  reports_owed_digest: `${BASE}/bookings/bk_owed_2`,
  attention_digest: `${BASE}/bookings/bk_att_1`,
  password_reset: `${BASE}/reset-password/tok_secret?callbackURL=%2F`,
  invitation: `${BASE}/accept-invitation/inv_1`,
  invoice_issued: `${BASE}/organization/invoices/inv_doc_1`,
  credit_note_issued: `${BASE}/organization/invoices/inv_doc_1`,
};

describe("e-mail templates", () => {
  it.each(EMAIL_KIND_NAMES)("%s renders a subject, HTML and a text twin with its link", async (kind) => {
    const email = await rendered(kind);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain("IME Portal");
    // Ampersands in a URL are escaped in HTML attributes.
    expect(email.html).toContain(LINK_OF[kind].replaceAll("&", "&amp;"));
    expect(email.text).toContain(LINK_OF[kind]);
    expect(email.text).not.toMatch(/<[a-z]+[\s>]/i);
  });

  it("booking e-mails name the reference, the specialist and the time on both clocks", async () => {
    const email = await rendered("booking_booked");
    expect(email.subject).toBe("Booking confirmed: Dr Ada Reyes, Tue, Dec 15, 9:00 AM EST (ref bk_ref_123)");
    expect(email.text).toContain("bk_ref_123");
    expect(email.text).toContain("Dr Ada Reyes (Orthopaedics)");
    expect(email.text).toContain("Tuesday, December 15, 2026, 9:00 AM EST");
    expect(email.text).toContain("Your time: 6:00 AM PST");
    expect(email.text).toContain("12 Harbour St, Boston MA");
  });

  it("without the reader's zone, the second clock is UTC", async () => {
    const email = await rendered("examination_booked", { recipientZone: null });
    expect(email.text).toContain("In UTC: 2:00 PM UTC");
  });

  it("a telehealth booking shows its meeting link, not the specialist's address", async () => {
    const email = await rendered("booking_booked", {
      booking: { ...BOOKING, appointmentType: "telehealth", meetingLink: "https://meet.example.com/abc" },
    });
    expect(email.text).toContain("https://meet.example.com/abc");
    expect(email.text).not.toContain("Harbour St");
  });

  it("a reschedule shows the old time and the new one", async () => {
    const email = await rendered("booking_rescheduled", {
      booking: { ...BOOKING, appointmentDate: new Date("2026-12-16T15:00:00Z") },
      event: { from: new Date("2026-12-15T14:00:00Z"), to: new Date("2026-12-16T15:00:00Z"), sequence: 1 },
    });
    expect(email.text).toContain("Was: Tuesday, December 15, 2026, 9:00 AM EST");
    expect(email.text).toContain("Now: Wednesday, December 16, 2026, 10:00 AM EST");
    expect(email.subject).toContain("now Wed, Dec 16, 10:00 AM EST");
  });

  it("report ready links to the booking page, never to a file, and tells a reader without an account to ask the booker", async () => {
    const member = await rendered("report_ready");
    expect(member.text).toContain(`Sign in to download the report ${BOOKING_URL}`);
    expect(member.html).not.toMatch(/X-Amz-|\/api\/documents|\.pdf/i);

    const contact = await rendered("report_ready", { hasAccount: false, recipientZone: null });
    expect(contact.text).toContain("You need an IME Portal account to open it");
    expect(contact.text).toContain("ask Casey Manager, who booked the examination,");
    // No preferences page for someone without an account.
    expect(contact.text).not.toContain("/settings/notifications");
  });

  it("a recipient the booking names is greeted by name, told why they get it, and — without access — whom to ask", async () => {
    const payload = { role: "contact", name: "Jo Solicitor", canSignIn: false };
    const report = await rendered("report_ready", { payload });
    expect(report.text).toContain("Hello Jo Solicitor,");
    expect(report.text).toContain(
      "Your IME Portal account does not open this booking yet. Ask Casey Manager",
    );
    expect(report.text).toContain("this booking names you to receive its notices");
    const booked = await rendered("booking_booked", { payload });
    expect(booked.text).toContain("The booking page opens only for portal users with access to this booking");

    const booker = await rendered("booking_booked", {
      payload: { role: "booker", name: null, canSignIn: true },
    });
    expect(booker.text).toContain("because you booked this examination in the IME Portal.");
    expect(booker.text).not.toContain("Hello");
    expect(booker.text).not.toContain("opens only for portal users");
  });

  it("footers link to the notification preferences where a kind can be switched off, and say so where it cannot", async () => {
    expect((await rendered("booking_booked")).text).toContain(`${BASE}/settings/notifications`);
    expect((await rendered("report_ready")).text).toContain("Report ready e-mails are always sent.");
    expect((await rendered("password_reset")).text).not.toContain("/settings/notifications");
  });

  it("digests list bookings by reference, overdue ones marked", async () => {
    const owed = await rendered("reports_owed_digest");
    expect(owed.subject).toBe("Reports owed: 2 (1 overdue)");
    expect(owed.text).toMatch(/Booking bk_owed_2.*overdue/);
    expect(owed.text).toContain("due Nov 16, 2026");
    // Overdue first, whatever order the payload had.
    expect(owed.text.indexOf("bk_owed_2")).toBeLessThan(owed.text.indexOf("bk_owed_1"));
    // Cut short: the total counted, the rest on the specialist's home.
    const many = await rendered("reports_owed_digest", {
      payload: { ...(PAYLOADS.reports_owed_digest as object), total: 1200, totalIsCapped: false },
    });
    expect(many.subject).toBe("Reports owed: 1,200 (1 overdue)");
    expect(many.text).toContain("And 1,198 more, all on your home page.");
    expect(many.text).toContain(`${BASE}/specialist`);
    const attention = await rendered("attention_digest");
    expect(attention.subject).toBe("2 things need a person in the IME Portal");
    expect(attention.text).toContain("A webhook event for appointment 987 gave up after 8 attempts.");
    const cut = await rendered("attention_digest", {
      payload: { ...(PAYLOADS.attention_digest as object), total: 250 },
    });
    expect(cut.subject).toBe("250 things need a person in the IME Portal");
    expect(cut.text).toContain("the latest 2 are listed");
  });

  it("a payload of the wrong shape is refused, not rendered blank", async () => {
    await expect(rendered("invitation", { payload: { organizationName: "x" } })).rejects.toThrow();
  });

  it("a booking e-mail whose booking is gone is refused", async () => {
    await expect(rendered("booking_booked", { booking: null })).rejects.toThrow(/no longer exists/);
  });
});

describe("the booking .ics", () => {
  it("confirmation: METHOD REQUEST, a stable UID, SEQUENCE from the event, the start in UTC and an hour long", async () => {
    const email = await rendered("booking_booked");
    expect(email.calendar).toMatchObject({ method: "REQUEST", filename: "invite.ics" });
    const calendar = parseIcs(email.calendar!.content);
    expect(calendar.method).toBe("REQUEST");
    expect(calendar.events).toHaveLength(1);
    expect(calendar.events[0]).toMatchObject({
      uid: calendarUid("bk_ref_123"),
      sequence: 0,
      dtstart: "20261215T140000Z",
      duration: "PT60M",
      status: "CONFIRMED",
    });
  });

  it("a reschedule updates the same entry with a higher SEQUENCE and the new start", async () => {
    const email = await rendered("booking_rescheduled", {
      event: { from: new Date("2026-12-15T14:00:00Z"), to: new Date("2026-12-16T15:00:00Z"), sequence: 1 },
    });
    const calendar = parseIcs(email.calendar!.content);
    expect(calendar).toMatchObject({
      method: "REQUEST",
      events: [{ uid: calendarUid("bk_ref_123"), sequence: 1, dtstart: "20261216T150000Z" }],
    });
  });

  it("a cancellation is METHOD CANCEL with STATUS CANCELLED", async () => {
    const email = await rendered("booking_cancelled", { event: { from: null, to: null, sequence: 2 } });
    const calendar = parseIcs(email.calendar!.content);
    expect(calendar).toMatchObject({
      method: "CANCEL",
      events: [{ uid: calendarUid("bk_ref_123"), sequence: 2, status: "CANCELLED" }],
    });
  });

  it("only the referrer's booked, rescheduled and cancelled e-mails carry one", async () => {
    const withCalendar: EmailKind[] = [];
    for (const kind of EMAIL_KIND_NAMES) if ((await rendered(kind)).calendar) withCalendar.push(kind);
    expect(withCalendar.sort()).toEqual(["booking_booked", "booking_cancelled", "booking_rescheduled"]);
  });
});

describe("the calendar organizer", () => {
  it("is SMTP_FROM's name and address", () => {
    expect(organizerOf("IME Portal <no-reply@ime-portal.local>")).toEqual({
      name: "IME Portal",
      email: "no-reply@ime-portal.local",
    });
    expect(organizerOf("ops@example.com")).toEqual({ name: "IME Portal", email: "ops@example.com" });
  });
});

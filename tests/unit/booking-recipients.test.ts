import { describe, expect, it } from "vitest";
import {
  planBookingMessages,
  type AudienceUser,
  type BookingAudience,
} from "@/lib/notifications/booking-recipients";
import type { EmailKind } from "@/lib/notifications/kinds";

const user = (userId: string, overrides: Partial<AudienceUser> = {}): AudienceUser => ({
  userId,
  email: `${userId}@example.test`,
  banned: false,
  isSystem: false,
  canView: true,
  switchedOff: new Set<EmailKind>(),
  ...overrides,
});

const audience = (overrides: Partial<BookingAudience> = {}): BookingAudience => ({
  kind: "booking.booked",
  actorUserId: "booker",
  booker: user("booker"),
  specialist: user("doctor"),
  contacts: [],
  ...overrides,
});

const addresses = (plan: ReturnType<typeof planBookingMessages>) =>
  plan.emails.map((e) => `${e.kind}→${e.toAddress}`).sort();

describe("who hears about a booking event", () => {
  it("booked: the booker (referrer kind) and the specialist (specialist kind), in the app and by e-mail", () => {
    const plan = planBookingMessages(audience());
    expect(plan.readers.sort()).toEqual(["booker", "doctor"]);
    expect(addresses(plan)).toEqual([
      "booking_booked→booker@example.test",
      "examination_booked→doctor@example.test",
    ]);
  });

  it("report ready and no-show: the referrer side only", () => {
    for (const kind of ["booking.report_ready", "booking.no_show"] as const) {
      const plan = planBookingMessages(audience({ kind, actorUserId: "doctor" }));
      expect(plan.readers).toEqual(["booker"]);
      expect(plan.emails.map((e) => e.toAddress)).toEqual(["booker@example.test"]);
    }
  });

  it("leaves out the specialist who made the change themselves", () => {
    const plan = planBookingMessages(audience({ kind: "booking.cancelled", actorUserId: "doctor" }));
    expect(plan.readers).toEqual(["booker"]);
  });

  it("tells the specialist of a change Acuity brought (no actor)", () => {
    const plan = planBookingMessages(audience({ kind: "booking.rescheduled", actorUserId: null }));
    expect(addresses(plan)).toContain("examination_rescheduled→doctor@example.test");
  });

  it("gives a recipient without an account the e-mail only, saying they cannot sign in to it", () => {
    const plan = planBookingMessages(
      audience({ contacts: [{ email: "sam@law.test", name: "Sam Solicitor", account: null }] }),
    );
    expect(plan.readers.sort()).toEqual(["booker", "doctor"]);
    expect(plan.emails.find((e) => e.toAddress === "sam@law.test")).toEqual({
      kind: "booking_booked",
      toAddress: "sam@law.test",
      recipientUserId: null,
      role: "contact",
      name: "Sam Solicitor",
      canSignIn: false,
    });
  });

  it("gives a recipient whose account can see the booking an in-app notification too", () => {
    const colleague = user("colleague");
    const plan = planBookingMessages(
      audience({ contacts: [{ email: "Colleague@Example.test", name: null, account: colleague }] }),
    );
    expect(plan.readers).toContain("colleague");
    expect(plan.emails.find((e) => e.recipientUserId === "colleague")?.canSignIn).toBe(true);
  });

  it("e-mails a recipient whose account cannot see the booking, without an in-app row", () => {
    const stranger = user("stranger", { canView: false });
    const plan = planBookingMessages(
      audience({ contacts: [{ email: stranger.email, name: null, account: stranger }] }),
    );
    expect(plan.readers).not.toContain("stranger");
    expect(plan.emails.find((e) => e.toAddress === stranger.email)?.canSignIn).toBe(false);
  });

  it("sends one e-mail to an address listed twice (booker also named as a recipient, any case)", () => {
    const plan = planBookingMessages(
      audience({
        specialist: null,
        contacts: [{ email: "BOOKER@example.test", name: "Me again", account: user("booker") }],
      }),
    );
    expect(plan.emails).toHaveLength(1);
    expect(plan.emails[0]).toMatchObject({ role: "booker", toAddress: "booker@example.test" });
    expect(plan.readers).toEqual(["booker"]);
  });

  it("honours a switched-off kind by e-mail but keeps the in-app notification", () => {
    const plan = planBookingMessages(
      audience({ booker: user("booker", { switchedOff: new Set(["booking_booked"]) }) }),
    );
    expect(plan.readers).toContain("booker");
    expect(plan.emails.map((e) => e.toAddress)).toEqual(["doctor@example.test"]);
  });

  it("sends report-ready even to someone who switched it off", () => {
    const plan = planBookingMessages(
      audience({
        kind: "booking.report_ready",
        booker: user("booker", { switchedOff: new Set(["report_ready"]) }),
      }),
    );
    expect(plan.emails.map((e) => e.toAddress)).toEqual(["booker@example.test"]);
  });

  it("tells no banned user and never the system account anything", () => {
    const plan = planBookingMessages(
      audience({
        booker: user("system", { isSystem: true }),
        specialist: user("doctor", { banned: true }),
        contacts: [{ email: "gone@example.test", name: null, account: user("gone", { banned: true }) }],
      }),
    );
    expect(plan).toEqual({ readers: [], emails: [] });
  });

  it("tells a booker who can no longer see the booking nothing", () => {
    const plan = planBookingMessages(
      audience({ booker: user("booker", { canView: false }), specialist: null }),
    );
    expect(plan).toEqual({ readers: [], emails: [] });
  });
});

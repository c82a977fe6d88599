import { describe, expect, it } from "vitest";
import {
  acuitySyncEvent,
  directBookingEvent,
  notificationActorOf,
  portalProgressEvent,
} from "@/lib/notifications/booking-change-events";

const at = (iso: string) => new Date(iso);
const move = { appointmentFrom: at("2026-12-10T15:00:00Z"), appointmentTo: at("2026-12-11T16:00:00Z") };

describe("portal progress changes", () => {
  it("announce a reschedule with where it moved from and to", () => {
    expect(portalProgressEvent({ to: "rescheduled", isCorrection: false, move })).toEqual({
      kind: "booking.rescheduled",
      facts: { via: "portal", from: "2026-12-10T15:00:00.000Z", to: "2026-12-11T16:00:00.000Z" },
    });
  });

  it("announce cancellations, no-shows and reports ready", () => {
    expect(portalProgressEvent({ to: "cancelled", isCorrection: false })?.kind).toBe("booking.cancelled");
    expect(portalProgressEvent({ to: "no_show", isCorrection: false })?.kind).toBe("booking.no_show");
    expect(portalProgressEvent({ to: "report_generated", isCorrection: false })?.kind).toBe(
      "booking.report_ready",
    );
  });

  it("stay quiet for stages nobody is told about", () => {
    for (const to of ["scheduled", "generating_report", "payment_received"] as const)
      expect(portalProgressEvent({ to, isCorrection: false })).toBeNull();
  });

  it("announce a correction to report-ready or no-show, never one to cancelled or rescheduled", () => {
    expect(portalProgressEvent({ to: "report_generated", isCorrection: true })?.kind).toBe(
      "booking.report_ready",
    );
    expect(portalProgressEvent({ to: "no_show", isCorrection: true })?.kind).toBe("booking.no_show");
    expect(portalProgressEvent({ to: "cancelled", isCorrection: true })).toBeNull();
    expect(portalProgressEvent({ to: "rescheduled", isCorrection: true })).toBeNull();
    // A correction away from report-ready lands on another stage, which is not news.
    expect(portalProgressEvent({ to: "generating_report", isCorrection: true })).toBeNull();
  });
});

describe("changes Acuity brings", () => {
  const appointmentDate = at("2026-12-10T15:00:00Z");

  it("announce a cancellation and a no-show once, when the stage changes", () => {
    expect(
      acuitySyncEvent({ fromStage: "scheduled", toStage: "cancelled", moved: false, appointmentDate }),
    ).toEqual({ kind: "booking.cancelled", facts: { via: "acuity" } });
    expect(
      acuitySyncEvent({ fromStage: "rescheduled", toStage: "no_show", moved: false, appointmentDate })?.kind,
    ).toBe("booking.no_show");
    // Already cancelled (the portal cancelled, this is its webhook): nothing new.
    expect(
      acuitySyncEvent({ fromStage: "cancelled", toStage: "cancelled", moved: false, appointmentDate }),
    ).toBeNull();
  });

  it("announce every move before the examination, also a second one", () => {
    const time: [Date, Date] = [appointmentDate, at("2026-12-12T15:00:00Z")];
    expect(
      acuitySyncEvent({ fromStage: "scheduled", toStage: "rescheduled", moved: true, time, appointmentDate }),
    ).toEqual({
      kind: "booking.rescheduled",
      facts: { via: "acuity", from: "2026-12-10T15:00:00.000Z", to: "2026-12-12T15:00:00.000Z" },
    });
    expect(
      acuitySyncEvent({
        fromStage: "rescheduled",
        toStage: "rescheduled",
        moved: true,
        time,
        appointmentDate,
      })?.kind,
    ).toBe("booking.rescheduled");
  });

  it("call a move to another specialist at the same time a reschedule from and to that time", () => {
    expect(
      acuitySyncEvent({ fromStage: "scheduled", toStage: "rescheduled", moved: true, appointmentDate })
        ?.facts,
    ).toEqual({ via: "acuity", from: "2026-12-10T15:00:00.000Z", to: "2026-12-10T15:00:00.000Z" });
  });

  it("stay quiet for changes that are not news (link, examinee details, moves after the examination)", () => {
    expect(
      acuitySyncEvent({ fromStage: "scheduled", toStage: "scheduled", moved: false, appointmentDate }),
    ).toBeNull();
    expect(
      acuitySyncEvent({
        fromStage: "generating_report",
        toStage: "generating_report",
        moved: true,
        appointmentDate,
      }),
    ).toBeNull();
  });
});

describe("bookings first seen in Acuity", () => {
  it("are booked news when live, no-show news when already marked, and no news when already cancelled", () => {
    expect(directBookingEvent("scheduled")).toEqual({ kind: "booking.booked", facts: { via: "acuity" } });
    expect(directBookingEvent("no_show")?.kind).toBe("booking.no_show");
    expect(directBookingEvent("cancelled")).toBeNull();
  });
});

describe("the actor of an event", () => {
  it("is the impersonated user when an admin acted for someone", () => {
    expect(notificationActorOf({ actorUserId: "admin", impersonatedUserId: "member" })).toBe("member");
    expect(notificationActorOf({ actorUserId: "member", impersonatedUserId: null })).toBe("member");
  });
});

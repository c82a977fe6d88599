import { describe, expect, it } from "vitest";
import { parsePortalReference } from "@/lib/acuity/portal-reference";
import { acuityCreateInput } from "@/lib/bookings/acuity-booking-input";
import type { CreateBookingInput } from "@/lib/bookings/schemas";

describe("the portal reference in Acuity notes", () => {
  it("is what the webhook sync finds in the notes the booking flow sends to Acuity", () => {
    const input = {
      examineeName: "Jamie Example",
      examineePhone: "+12125550100",
      examineeEmail: null,
      appointmentType: "telehealth",
      datetime: "2026-12-01T10:00:00-0500",
      notes: "Interpreter needed",
    } as unknown as CreateBookingInput;
    const sent = acuityCreateInput(
      "bk_123abc",
      input,
      { acuityCalendarId: "7101", timezone: "America/New_York" },
      "booker@example.com",
    );
    expect(parsePortalReference(sent.notes)).toBe("bk_123abc");
    expect(sent.notes).toContain("Interpreter needed");
  });

  it("is absent from notes staff typed in Acuity", () => {
    expect(parsePortalReference("Claimant prefers mornings")).toBeNull();
    expect(parsePortalReference(null)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { wantsEmail } from "@/lib/notifications/preferences";

describe("wantsEmail", () => {
  it("sends every kind when the user switched nothing off", () => {
    expect(wantsEmail(undefined, "booking_booked")).toBe(true);
    expect(wantsEmail(new Set(), "reports_owed_digest")).toBe(true);
  });

  it("honours a kind switched off", () => {
    expect(wantsEmail(new Set(["booking_booked"]), "booking_booked")).toBe(false);
    expect(wantsEmail(new Set(["booking_booked"]), "booking_cancelled")).toBe(true);
  });

  it("always sends report-ready and security e-mails, whatever is stored", () => {
    expect(wantsEmail(new Set(["report_ready"]), "report_ready")).toBe(true);
    expect(wantsEmail(new Set(["password_reset"]), "password_reset")).toBe(true);
  });
});

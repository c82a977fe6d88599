import { describe, expect, it } from "vitest";
import { currentSection } from "@/components/shell/current-section";

describe("the menu's current section", () => {
  const admin = ["/admin", "/admin/users", "/admin/bookings", "/admin/billing"];

  it("is the longest link the path starts with", () => {
    expect(currentSection("/admin", admin)).toBe("/admin");
    expect(currentSection("/admin/users", admin)).toBe("/admin/users");
    expect(currentSection("/admin/users/u1/sessions", admin)).toBe("/admin/users");
    expect(currentSection("/admin/billing/invoices/i1", admin)).toBe("/admin/billing");
    expect(currentSection("/admin/outbox", admin)).toBe("/admin");
  });

  it("matches whole segments only", () => {
    expect(currentSection("/bookingsx", ["/bookings"])).toBeNull();
    expect(currentSection("/bookings/new", ["/bookings", "/bookings/new"])).toBe("/bookings/new");
    expect(currentSection("/bookings/b1", ["/bookings", "/bookings/new"])).toBe("/bookings");
    expect(currentSection("/specialists/s1", ["/specialist", "/specialists"])).toBe("/specialists");
    expect(currentSection("/settings/security", ["/bookings"])).toBeNull();
  });

  it("marks the home only on the home itself", () => {
    const main = ["/", "/bookings", "/specialists"];
    expect(currentSection("/", main)).toBe("/");
    expect(currentSection("/settings/security", main)).toBeNull();
    expect(currentSection("/bookings/b1", main)).toBe("/bookings");
  });
});

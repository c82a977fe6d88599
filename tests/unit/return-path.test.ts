import { describe, expect, it } from "vitest";
import { safeReturnPath, signInPathFor } from "@/lib/auth/return-path";

describe("the way back after signing in", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/bookings/abc123")).toBe("/bookings/abc123");
    expect(safeReturnPath("/notifications?before=xyz")).toBe("/notifications?before=xyz");
  });

  it.each([
    "https://evil.example/bookings",
    "//evil.example/bookings",
    "/\\evil.example",
    "bookings/abc",
    "javascript:alert(1)",
    "/sign-in",
    "/api/auth/sign-out",
    "/bookings\n/x",
    "",
    null,
    undefined,
    `/${"a".repeat(2001)}`,
  ])("refuses %j", (raw) => {
    expect(safeReturnPath(raw)).toBeNull();
  });

  it("puts it on the sign-in link, encoded; home and nothing give plain sign-in", () => {
    expect(signInPathFor("/bookings/abc?x=1")).toBe("/sign-in?next=%2Fbookings%2Fabc%3Fx%3D1");
    expect(signInPathFor("/")).toBe("/sign-in");
    expect(signInPathFor(null)).toBe("/sign-in");
    expect(signInPathFor("//evil.example")).toBe("/sign-in");
  });
});

import { describe, expect, it } from "vitest";
import { checkSignInInput, SIGN_IN_EMAIL_MAX, SIGN_IN_PASSWORD_MAX } from "@/lib/auth/sign-in-input";
import { LIMITS } from "@/lib/validation/limits";

describe("the sign-in form's own check (no zod in the sign-in page)", () => {
  it("has the bounds of the portal's fields", () => {
    expect(SIGN_IN_EMAIL_MAX).toBe(LIMITS.email);
    expect(SIGN_IN_PASSWORD_MAX).toBe(LIMITS.password);
  });

  it("passes a trimmed, lower-cased address and the password as typed", () => {
    expect(checkSignInInput("  Motor@Northwind.test ", " secret ")).toEqual({
      ok: true,
      data: { email: "motor@northwind.test", password: " secret " },
    });
  });

  it("says what is missing or too long, one sentence at a time", () => {
    expect(checkSignInInput("", "x")).toEqual({
      ok: false,
      error: "Enter the e-mail address you were invited with",
    });
    expect(checkSignInInput("not an address", "x")).toMatchObject({ ok: false });
    expect(checkSignInInput(null, "x")).toMatchObject({ ok: false });
    expect(checkSignInInput(`${"a".repeat(250)}@b.test`, "x")).toEqual({
      ok: false,
      error: "An e-mail address has at most 254 characters",
    });
    expect(checkSignInInput("a@b.test", "")).toEqual({ ok: false, error: "Enter your password" });
    expect(checkSignInInput("a@b.test", "x".repeat(129))).toEqual({
      ok: false,
      error: "Use at most 128 characters",
    });
  });
});

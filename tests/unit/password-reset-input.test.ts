import { describe, expect, it } from "vitest";
import { z } from "zod";
import { newPasswordField } from "@/lib/auth/password-policy";
import {
  checkNewPassword,
  checkResetRequest,
  PASSWORDS_DIFFER,
  RESET_EMAIL_INVALID,
} from "@/lib/auth/password-reset-input";
import { emailField } from "@/lib/validation/limits";

/**
 * The forgot/reset-password forms check by hand (no zod in their pages); these are the zod
 * rules they stand in for — what the forms ran before — so the same input gets the same answer.
 */
const requestSchema = z.object({ email: emailField(RESET_EMAIL_INVALID) });
const resetSchema = z
  .object({ password: newPasswordField(), confirm: z.string() })
  .refine((value) => value.password === value.confirm, { message: PASSWORDS_DIFFER, path: ["confirm"] });

function zodRequest(email: unknown) {
  const parsed = requestSchema.safeParse({ email });
  return parsed.success
    ? { ok: true, email: parsed.data.email }
    : { ok: false, error: parsed.error.issues[0]?.message };
}

function zodReset(password: unknown, confirm: unknown) {
  const parsed = resetSchema.safeParse({ password, confirm });
  if (parsed.success) return { ok: true, password: parsed.data.password };
  const issue = parsed.error.issues[0];
  return { ok: false, error: issue?.message, field: issue?.path[0] === "confirm" ? "confirm" : "password" };
}

describe("the forgot-password form's own check", () => {
  const inputs: unknown[] = [
    "  Motor@Northwind.TEST ",
    "motor@northwind.test",
    "",
    "   ",
    "not an address",
    "no-at-sign.test",
    "two@@signs.test",
    "spaces in@side.test",
    `${"a".repeat(250)}@b.test`, // 257 characters: over the bound before its shape is looked at
    `${"a".repeat(245)}@b.test`, // 252: within it
  ];
  it.each(inputs.map((input) => [input]))("answers %j as the zod field does", (input) => {
    expect(checkResetRequest(input)).toEqual(zodRequest(input));
  });

  it("says what is wrong in the portal's words", () => {
    expect(checkResetRequest("")).toEqual({ ok: false, error: "Enter the e-mail address you sign in with" });
    expect(checkResetRequest(null)).toEqual({
      ok: false,
      error: "Enter the e-mail address you sign in with",
    });
    expect(checkResetRequest(`${"a".repeat(250)}@b.test`)).toEqual({
      ok: false,
      error: "An e-mail address has at most 254 characters",
    });
    expect(checkResetRequest(" A@B.test ")).toEqual({ ok: true, email: "a@b.test" });
  });
});

describe("the reset-password form's own check", () => {
  const good = "correct horse battery";
  const pairs: [unknown, unknown][] = [
    [good, good],
    ["", ""],
    ["x".repeat(11), "x".repeat(11)], // one short of the rule
    ["x".repeat(12), "x".repeat(12)], // exactly the rule
    ["x".repeat(128), "x".repeat(128)], // better-auth's maximum
    ["x".repeat(129), "x".repeat(129)],
    [good, `${good} `],
    [good, ""],
    ["short", "different"], // the length is reported first, beside the password
  ];
  it.each(pairs)("answers %j / %j as the zod rule does", (password, confirm) => {
    expect(checkNewPassword(password, confirm)).toEqual(zodReset(password, confirm));
  });

  it("puts each message beside its field", () => {
    expect(checkNewPassword("short", "short")).toEqual({
      ok: false,
      error: "Use at least 12 characters",
      field: "password",
    });
    expect(checkNewPassword("x".repeat(129), "x".repeat(129))).toEqual({
      ok: false,
      error: "Use at most 128 characters",
      field: "password",
    });
    expect(checkNewPassword(good, "something else")).toEqual({
      ok: false,
      error: "The two passwords differ — type the same one twice",
      field: "confirm",
    });
  });
});

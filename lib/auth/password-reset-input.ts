/**
 * The forgot-password and reset-password forms' own checks, written out by hand as the sign-in
 * form's are (lib/auth/sign-in-input.ts): zod would add ≈ 30 kB gzip to these pages' first-load
 * JavaScript (issue 14) for fields the server checks again anyway — better-auth refuses a
 * malformed address, and a password too short, too long or too common. Same bounds, order and
 * sentences as the portal's zod fields (emailField, newPasswordField); the unit test
 * tests/unit/password-reset-input.test.ts runs both on the same inputs and holds them equal.
 */
import { atMost, checkTypedEmail, LIMITS } from "@/lib/validation/bounds";
import { MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT_MESSAGE } from "./password-rule";

export const RESET_EMAIL_INVALID = "Enter the e-mail address you sign in with";
export const PASSWORDS_DIFFER = "The two passwords differ — type the same one twice";

export type ResetRequestCheck = { ok: true; email: string } | { ok: false; error: string };

/** The forgot-password form's one field: trimmed, bounded before its shape, lower-cased. */
export function checkResetRequest(email: unknown): ResetRequestCheck {
  return checkTypedEmail(email, RESET_EMAIL_INVALID);
}

export type NewPasswordCheck =
  { ok: true; password: string } | { ok: false; error: string; field: "password" | "confirm" };

/** The reset form's pair: the length rule first, then that both say the same. */
export function checkNewPassword(password: unknown, confirm: unknown): NewPasswordCheck {
  const secret = typeof password === "string" ? password : "";
  if (secret.length < MIN_PASSWORD_LENGTH)
    return { ok: false, error: PASSWORD_TOO_SHORT_MESSAGE, field: "password" };
  if (secret.length > LIMITS.password)
    return { ok: false, error: atMost(LIMITS.password), field: "password" };
  if (secret !== confirm) return { ok: false, error: PASSWORDS_DIFFER, field: "confirm" };
  return { ok: true, password: secret };
}

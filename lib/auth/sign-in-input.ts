/**
 * The sign-in form's own check, written out by hand: zod would add ≈ 30 KB gzip to the page
 * everyone loads first, for two fields the server checks again anyway (better-auth refuses a
 * malformed address or an over-long password). Same bounds and sentences as the portal's zod
 * fields (lib/validation/limits.ts; tests/unit/sign-in-input.test.ts holds them equal).
 */
import { atMost, checkTypedEmail, LIMITS } from "@/lib/validation/bounds";

export const SIGN_IN_EMAIL_MAX = LIMITS.email;
export const SIGN_IN_PASSWORD_MAX = LIMITS.password;

export type SignInCheck =
  { ok: true; data: { email: string; password: string } } | { ok: false; error: string };

export function checkSignInInput(email: unknown, password: unknown): SignInCheck {
  const address = checkTypedEmail(email, "Enter the e-mail address you were invited with");
  if (!address.ok) return address;
  const secret = typeof password === "string" ? password : "";
  if (secret.length === 0) return { ok: false, error: "Enter your password" };
  if (secret.length > SIGN_IN_PASSWORD_MAX) return { ok: false, error: atMost(SIGN_IN_PASSWORD_MAX) };
  return { ok: true, data: { email: address.email, password: secret } };
}

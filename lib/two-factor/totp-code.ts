import { Secret, TOTP } from "otpauth";

/**
 * The current 6-digit code of a raw TOTP key, as an authenticator app shows it (30-second steps,
 * SHA-1 — better-auth's twoFactor defaults). For the demo command and tests; the portal itself
 * only checks codes, through better-auth.
 */
export function totpCodeFor(rawSecret: string, at: Date = new Date()): string {
  return new TOTP({
    secret: Secret.fromLatin1(rawSecret),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  }).generate({
    timestamp: at.getTime(),
  });
}

/** The same from an `otpauth://totp/…` address (what the enrolment step returns). */
export function totpCodeFromUri(totpUri: string, at: Date = new Date()): string {
  const secret = new URL(totpUri).searchParams.get("secret") ?? "";
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({
    timestamp: at.getTime(),
  });
}

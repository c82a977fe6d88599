/**
 * How long a text input may be — the bounds and the sentence that says so, without zod, so a
 * client form can share them without shipping zod to the browser (issue 14: first-load
 * JavaScript). lib/validation/limits.ts re-exports them with the zod fields built on them.
 */

/**
 * The seed's VARCHAR bounds (docs/data-contract.md) for the fields people type: the bound of
 * the column is the bound of the field. tests/unit/input-limits.test.ts holds these to db/schema,
 * which the schema-contract test holds to the seed.
 */
export const SEED_BOUNDS = {
  examineeName: 255,
  examineePhone: 50,
  examineeEmail: 255,
  specialistName: 255,
  specialty: 255,
  location: 255,
  acuityCalendarId: 255,
  fileName: 255,
  mimeType: 100,
} as const;

/** Bounds of fields the seed does not constrain (better-auth's TEXT columns, notes, reasons). */
export const LIMITS = {
  /** Record ids (cuid2s, VARCHAR(255) everywhere). */
  id: 255,
  /** RFC 5321: the longest address a mail server accepts. */
  email: 254,
  personName: 255,
  organizationName: 120,
  teamName: 120,
  /** better-auth's own maximum. */
  password: 128,
  reason: 1000,
  note: 2000,
} as const;

/** "Use at most 255 characters" — the message every bound gives. */
export const atMost = (max: number) => `Use at most ${max.toLocaleString("en-US")} characters`;

/** An e-mail address's bound, said as the zod field (emailField) and the hand checks say it. */
export const emailAtMost = (max: number) => `An e-mail address has at most ${max} characters`;

/** Roughly what an address looks like; the server (zod, better-auth) decides. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A typed e-mail address checked by hand in a client form (no zod in the browser), in emailField's
 * order: trimmed, bounded before its shape is checked, lower-cased.
 */
export function checkTypedEmail(
  email: unknown,
  invalid: string,
): { ok: true; email: string } | { ok: false; error: string } {
  const address = typeof email === "string" ? email.trim() : "";
  if (address.length > LIMITS.email) return { ok: false, error: emailAtMost(LIMITS.email) };
  if (!EMAIL_SHAPE.test(address)) return { ok: false, error: invalid };
  return { ok: true, email: address.toLowerCase() };
}

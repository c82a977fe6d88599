/**
 * How long a text input may be — every one has a bound, checked by zod with a message that
 * says so (a 10,251-character e-mail was once accepted). Plain constants, no database import,
 * so client forms may share them.
 */
import { z } from "zod";

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

/** A record id sent by a form (hidden field or picker): required, bounded. */
export const recordIdField = (required = "Reload the page and try again") =>
  z.string(required).trim().min(1, required).max(LIMITS.id, "Reload the page and try again");

/** An optional id; empty means none. */
export const optionalIdField = () =>
  z
    .string()
    .trim()
    .max(LIMITS.id, "Reload the page and try again")
    .optional()
    .transform((value) => value || undefined);

/** An e-mail address: trimmed, bounded before its shape is checked, lower-cased. */
export const emailField = (invalid: string, max: number = LIMITS.email) =>
  z
    .string(invalid)
    .trim()
    .max(max, `An e-mail address has at most ${max} characters`)
    .pipe(z.email(invalid))
    .transform((value) => value.toLowerCase());

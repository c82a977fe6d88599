/**
 * How long a text input may be — every one has a bound, checked by zod with a message that
 * says so (a 10,251-character e-mail was once accepted). The bounds themselves live in
 * ./bounds.ts (no zod) so client forms import them from there; re-exported here for the server.
 */
import { z } from "zod";
import { emailAtMost, LIMITS } from "./bounds";

export { atMost, emailAtMost, LIMITS, SEED_BOUNDS } from "./bounds";

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
    .max(max, emailAtMost(max))
    .pipe(z.email(invalid))
    .transform((value) => value.toLowerCase());

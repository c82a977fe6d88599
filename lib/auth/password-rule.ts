/**
 * The password rule's words and numbers (issue 17), without zod, so client forms share them
 * without shipping zod to the browser (issue 14); lib/auth/password-policy.ts builds the zod
 * field on them and re-exports them.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** The hint forms show beside a new-password field. */
export const PASSWORD_RULE_HINT = `At least ${MIN_PASSWORD_LENGTH} characters, and not a common password. A few words of your own with spaces work well.`;

export const PASSWORD_TOO_SHORT_MESSAGE = `Use at least ${MIN_PASSWORD_LENGTH} characters`;

export const COMMON_PASSWORD_MESSAGE =
  "This password is on the list of the most common passwords — choose one nobody else would";

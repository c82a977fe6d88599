import { z } from "zod";
import { atMost, recordIdField } from "@/lib/validation/limits";

/** Why an admin removed someone's second factor: recorded in the audit row, so it cannot be left out. */
const resetReason = z.string().trim().min(3, "Say why (at least 3 characters)").max(500, atMost(500));

export const resetTwoFactorSchema = z.object({
  userId: recordIdField("Choose a user"),
  reason: resetReason,
});

/** A backup code as shown at enrolment ("abcde-12345"); spaces around it are forgiven. */
export const disableOwnTwoFactorSchema = z.object({
  backupCode: z.string().trim().min(1, "Enter one of your backup codes").max(32, "That is not a backup code"),
});

/** The organization settings form: a checkbox posts "on" when ticked and nothing when not. */
export const organizationTwoFactorSchema = z.object({
  organizationId: recordIdField("Choose an organization"),
  requireTwoFactor: z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()])
    .optional()
    .transform((value) => value === true || value === "on" || value === "true"),
});

import { z } from "zod";
import { newPasswordField } from "@/lib/auth/password-policy";
import { atMost, emailField, LIMITS, optionalIdField, recordIdField } from "@/lib/validation/limits";

const id = (what: string) => recordIdField(`Choose ${what}`);
/** The password rule's length part; the common-password part runs in the actions (lib/auth/common-passwords.ts). */
const password = newPasswordField();
/** Why an account was banned or unbanned: recorded in the audit row, so it cannot be left out. */
const accountChangeReason = z.string().trim().min(3, "Say why (at least 3 characters)").max(500, atMost(500));
const optionalId = optionalIdField();

export const ORGANIZATION_ROLES = ["owner", "admin", "member"] as const;

const membershipSchema = z.object({
  organizationId: id("an organization"),
  role: z.enum(ORGANIZATION_ROLES, { error: "Choose owner, admin or member" }).default("member"),
  teamId: optionalId,
});
export type NewUserMembership = z.infer<typeof membershipSchema>;

/** The form sends its membership rows as one JSON field; objects (tests, scripts) pass as they are. */
const fromJsonField = (value: string | z.input<typeof membershipSchema>[]): unknown => {
  // An absent field never gets here: .default([]) below answers it.
  if (value === "") return [];
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return value; // not JSON: the array check below says what is wrong
  }
};

export const createUserSchema = z.object({
  name: z.string().trim().min(2, "Enter the person's name").max(LIMITS.personName, atMost(LIMITS.personName)),
  email: emailField("Enter a valid e-mail address"),
  role: z.enum(["user", "admin"], { error: "Choose a platform role" }),
  password,
  /** Organizations (each with a role and optionally one of its teams) the user joins at once. */
  memberships: z
    .preprocess(
      fromJsonField,
      z
        .array(membershipSchema, { error: "List the organizations as rows" })
        .max(20, "Add at most 20 organizations here; add more from the organization pages")
        .refine(
          (rows) => new Set(rows.map((r) => r.organizationId)).size === rows.length,
          "Each organization only once",
        ),
    )
    .default([]),
});

export const banUserSchema = z.object({
  userId: id("a user"),
  reason: accountChangeReason,
  /** Empty = until unbanned. */
  days: z.union([z.literal(""), z.coerce.number().int().min(1, "At least 1 day").max(3650)]).optional(),
});

export const unbanUserSchema = z.object({ userId: id("a user"), reason: accountChangeReason });

export const userIdSchema = z.object({ userId: id("a user") });

export const setPasswordSchema = z.object({
  userId: id("a user"),
  newPassword: password,
  signOutEverywhere: z
    .union([z.boolean(), z.literal("on"), z.literal("")])
    .optional()
    .transform((value) => value === true || value === "on"),
});

import { z } from "zod";
import { atMost, emailField, recordIdField, SEED_BOUNDS } from "@/lib/validation/limits";

const text = (what: string, max: number, min = 2) =>
  z.string().trim().min(min, `Enter the ${what}`).max(max, atMost(max));

export const specialistFieldsSchema = z.object({
  userEmail: emailField("Enter the e-mail of the specialist's user account"),
  acuityCalendarId: z
    .string()
    .trim()
    .max(SEED_BOUNDS.acuityCalendarId, "Choose an Acuity calendar")
    .regex(/^\d+$/, "Choose an Acuity calendar"),
  name: text("name shown to referrers", SEED_BOUNDS.specialistName),
  specialty: text("specialty", SEED_BOUNDS.specialty),
  /** Empty = telehealth only. */
  location: z
    .string()
    .trim()
    .max(SEED_BOUNDS.location, atMost(SEED_BOUNDS.location))
    .optional()
    .transform((value) => value || null),
});

export const createSpecialistSchema = specialistFieldsSchema;
export const updateSpecialistSchema = specialistFieldsSchema.extend({ specialistId: recordIdField() });
export const setSpecialistActiveSchema = z.object({
  specialistId: recordIdField(),
  active: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true"),
});

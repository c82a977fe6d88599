import { z } from "zod";

const text = (what: string, min = 2) => z.string().trim().min(min, `Enter the ${what}`).max(255);

export const specialistFieldsSchema = z.object({
  userEmail: z.email("Enter the e-mail of the specialist's user account").trim().toLowerCase(),
  acuityCalendarId: z.string().trim().regex(/^\d+$/, "Choose an Acuity calendar"),
  name: text("name shown to referrers"),
  specialty: text("specialty"),
  /** Empty = telehealth only. */
  location: z
    .string()
    .trim()
    .max(255)
    .optional()
    .transform((value) => value || null),
});

export const createSpecialistSchema = specialistFieldsSchema;
export const updateSpecialistSchema = specialistFieldsSchema.extend({ specialistId: z.string().min(1) });
export const setSpecialistActiveSchema = z.object({
  specialistId: z.string().min(1),
  active: z.union([z.boolean(), z.enum(["true", "false"])]).transform((v) => v === true || v === "true"),
});

import { z } from "zod";
import { newPasswordField } from "@/lib/auth/password-policy";
import { atMost, LIMITS, recordIdField } from "@/lib/validation/limits";

const sessionId = recordIdField("Reload the page and try again");

export const endSessionSchema = z.object({ sessionId });

/** "Sign out all other sessions" posts nothing: the session it keeps is the one it comes with. */
export const endOtherSessionsSchema = z.object({});

export const adminEndSessionSchema = z.object({ userId: recordIdField("Choose a user"), sessionId });

export const adminEndAllSessionsSchema = z.object({ userId: recordIdField("Choose a user") });

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, "Enter your current password")
      .max(LIMITS.password, atMost(LIMITS.password)),
    newPassword: newPasswordField(),
    confirmPassword: z.string().max(LIMITS.password, "The two new passwords differ"),
  })
  .refine((value) => value.newPassword === value.confirmPassword, {
    message: "The two new passwords differ — type the same one twice",
    path: ["confirmPassword"],
  })
  .refine((value) => value.newPassword !== value.currentPassword, {
    message: "This is your current password — choose a new one",
    path: ["newPassword"],
  });

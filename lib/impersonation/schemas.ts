import { z } from "zod";

export const startImpersonationSchema = z.object({
  userId: z.string().min(1, "Choose a user to impersonate"),
  reason: z
    .string()
    .trim()
    .min(3, "Say why you are impersonating this user (at least 3 characters)")
    .max(500, "Keep the reason under 500 characters"),
});

export const stopImpersonationSchema = z.object({});

import { z } from "zod";
import { atMost, recordIdField } from "@/lib/validation/limits";

export const startImpersonationSchema = z.object({
  userId: recordIdField("Choose a user to impersonate"),
  reason: z
    .string()
    .trim()
    .min(3, "Say why you are impersonating this user (at least 3 characters)")
    .max(500, atMost(500)),
});

export const stopImpersonationSchema = z.object({});

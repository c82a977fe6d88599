/**
 * The password rule (issue 17, OWASP ASVS 5.0 level 2): at least 12 characters, at most
 * better-auth's 128, and not one of the most common passwords. Here the length rule as a zod
 * field; its words and numbers are in ./password-rule.ts, which client forms import (no zod in
 * the browser). The common-password list itself is server-only (lib/auth/common-passwords.ts).
 */
import { z } from "zod";
import { atMost, LIMITS } from "@/lib/validation/limits";
import { MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT_MESSAGE } from "./password-rule";

export {
  COMMON_PASSWORD_MESSAGE,
  MIN_PASSWORD_LENGTH,
  PASSWORD_RULE_HINT,
  PASSWORD_TOO_SHORT_MESSAGE,
} from "./password-rule";

/** The length part of the rule, for zod schemas (the common-password part runs on the server). */
export const newPasswordField = () =>
  z
    .string()
    .min(MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT_MESSAGE)
    .max(LIMITS.password, atMost(LIMITS.password));

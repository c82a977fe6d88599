import type { BetterAuthPlugin } from "better-auth";
import { APIError } from "better-auth/api";
import { tryGetCurrentAuthEndpointContext } from "@better-auth/core/context";
import { isCommonPassword } from "./common-passwords";
import { COMMON_PASSWORD_MESSAGE, MIN_PASSWORD_LENGTH, PASSWORD_TOO_SHORT_MESSAGE } from "./password-policy";

/**
 * The endpoints that set a password: whatever path a password takes into better-auth — the reset
 * link over HTTP, an action's in-process call (change, admin create or set), invitation sign-up —
 * it is refused here when common, so no path can forget the rule. (Sign-in also hashes, to take
 * as long for an unknown address; that hash must not be refused, or the answer would tell.)
 */
const PASSWORD_SETTING_PATHS = new Set([
  "/sign-up/email",
  "/reset-password",
  "/change-password",
  "/set-password",
  "/admin/create-user",
  "/admin/set-user-password",
]);

/**
 * Refuses short and common passwords where better-auth hashes a new one (the way better-auth's
 * own have-i-been-pwned plugin hooks in, with the kept offline list instead of a web service).
 * The length again because better-auth's `minPasswordLength` binds sign-up, change and reset,
 * but not the admin plugin's create-user and set-user-password.
 */
export const commonPasswordPlugin = () =>
  ({
    id: "common-password",
    init(context) {
      const hash = context.password.hash;
      return {
        context: {
          password: {
            ...context.password,
            async hash(password: string) {
              const path = tryGetCurrentAuthEndpointContext()?.path;
              if (!path || !PASSWORD_SETTING_PATHS.has(path)) return hash(password);
              if (password.length < MIN_PASSWORD_LENGTH)
                throw APIError.from("BAD_REQUEST", {
                  message: `${PASSWORD_TOO_SHORT_MESSAGE}.`,
                  code: "PASSWORD_TOO_SHORT",
                });
              if (await isCommonPassword(password))
                throw APIError.from("BAD_REQUEST", {
                  message: `${COMMON_PASSWORD_MESSAGE}.`,
                  code: "PASSWORD_TOO_COMMON",
                });
              return hash(password);
            },
          },
        },
      };
    },
  }) satisfies BetterAuthPlugin;

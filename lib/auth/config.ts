import { config } from "@/lib/config";

export interface AuthEnv {
  BETTER_AUTH_SECRET: string;
  BETTER_AUTH_URL: string;
  /** Extra origins allowed to call the auth endpoints. */
  BETTER_AUTH_TRUSTED_ORIGINS: string[];
  /** Sign-in attempts allowed per client IP per minute. */
  AUTH_SIGN_IN_RATE_LIMIT: number;
}

/** better-auth's settings from the configuration; the secret has no default outside the launcher. */
export function readAuthEnv(): AuthEnv {
  const { BETTER_AUTH_SECRET, BETTER_AUTH_URL, BETTER_AUTH_TRUSTED_ORIGINS, AUTH_SIGN_IN_RATE_LIMIT } =
    config();
  if (!BETTER_AUTH_SECRET)
    throw new Error("BETTER_AUTH_SECRET is required (the embedded default generates one into .data/)");
  return { BETTER_AUTH_SECRET, BETTER_AUTH_URL, BETTER_AUTH_TRUSTED_ORIGINS, AUTH_SIGN_IN_RATE_LIMIT };
}

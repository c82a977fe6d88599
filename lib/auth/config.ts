import { z } from "zod";

const authEnvSchema = z.object({
  BETTER_AUTH_SECRET: z
    .string({ error: "BETTER_AUTH_SECRET is required (the embedded default generates one into .data/)" })
    .min(32, "BETTER_AUTH_SECRET must be at least 32 characters"),
  BETTER_AUTH_URL: z.url().default("http://localhost:3000"),
  /** Extra origins allowed to call the auth endpoints, comma-separated. */
  BETTER_AUTH_TRUSTED_ORIGINS: z.string().optional(),
  /** Sign-in attempts allowed per client IP per minute. */
  AUTH_SIGN_IN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
});

export type AuthEnv = z.infer<typeof authEnvSchema>;

export function readAuthEnv(env: NodeJS.ProcessEnv = process.env): AuthEnv {
  return authEnvSchema.parse(env);
}
